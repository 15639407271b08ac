package org.oversight.analytics.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import org.oversight.core.cadre.TeamRole;
import org.oversight.core.common.Keyset;
import org.oversight.core.common.StoredValues;
import org.oversight.core.finding.FindingStatus;
import org.oversight.core.mongo.InQueries;
import org.oversight.core.rectification.RectificationStatus;
import org.oversight.core.rectification.ReminderLevel;
import org.oversight.core.talk.TalkKind;

/**
 * Bulk reads of appointments and talks for the analytics: plain finds that fetch only the
 * fields needed, as raw documents, one query per call whatever the number of
 * organizations or cadres.
 */
@Component
public class AnalyticsReads {

	private final MongoTemplate mongo;

	AnalyticsReads(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Every post (anywhere) overlapping the days from {@code from} to {@code to}. */
	public List<Post> postsOverlapping(LocalDate from, LocalDate to) {
		return posts(overlapping(from, to));
	}

	/**
	 * Every post in the subtrees of the roots (by {@code orgPath}) overlapping the days.
	 */
	public List<Post> postsUnder(Collection<String> roots, LocalDate from, LocalDate to) {
		if (roots.isEmpty()) {
			return List.of();
		}
		return posts(new Criteria().andOperator(overlapping(from, to), inAny("orgPath", roots)));
	}

	/** Every post (any role) of the organizations themselves overlapping the days. */
	public List<Post> postsAt(Collection<String> organizationIds, LocalDate from, LocalDate to) {
		if (organizationIds.isEmpty()) {
			return List.of();
		}
		return posts(new Criteria().andOperator(overlapping(from, to), inAny("organizationId", organizationIds)));
	}

	/** Every post of the cadres overlapping the days. */
	public List<Post> postsOfCadres(Collection<String> cadreIds, LocalDate from, LocalDate to) {
		if (cadreIds.isEmpty()) {
			return List.of();
		}
		// the window first: the embedded server compares a document with every element of
		// an $in it reaches
		return posts(new Criteria().andOperator(overlapping(from, to), inAny("cadreId", cadreIds)));
	}

	/** {@code field} equal to the one value, or in the values. */
	public static Criteria inAny(String field, Collection<String> values) {
		return (values.size() == 1) ? Criteria.where(field).is(values.iterator().next())
				: Criteria.where(field).in(values);
	}

	/** Every post of the cadres, whenever held. */
	public List<Post> postsOfCadres(Collection<String> cadreIds) {
		if (cadreIds.isEmpty()) {
			return List.of();
		}
		return posts(Criteria.where("cadreId").in(cadreIds));
	}

	/** PRINCIPAL posts of the organizations overlapping the days. */
	public List<Post> principalsOverlapping(Collection<String> organizationIds, LocalDate from, LocalDate to) {
		if (organizationIds.isEmpty()) {
			return List.of();
		}
		return posts(new Criteria().andOperator(Criteria.where("organizationId").in(organizationIds),
				Criteria.where("role").is(TeamRole.PRINCIPAL.name()), overlapping(from, to)));
	}

	/** Talks of the kinds dated in the range; of the subjects when given. */
	public List<TalkRow> talks(Collection<TalkKind> kinds, LocalDate from, LocalDate to, Collection<String> subjects) {
		if (subjects != null && subjects.isEmpty()) {
			return List.of();
		}
		Criteria criteria = Criteria.where("kind")
			.in(kinds.stream().map(Enum::name).toList())
			.and("date")
			.gte(day(from))
			.lte(day(to));
		if (subjects != null) {
			criteria = criteria.and("subjectId").in(subjects);
		}
		Query query = Query.query(criteria);
		query.fields().include("subjectId", "kind", "date", "conductedByIds");
		List<TalkRow> rows = new ArrayList<>();
		for (Document row : this.mongo.find(query, Document.class, "talks")) {
			rows.add(new TalkRow(row.getString("subjectId"), TalkKind.valueOf(row.getString("kind")), day(row, "date"),
					strings(row, "conductedByIds")));
		}
		return rows;
	}

	/**
	 * Rectification tasks matching the criteria, leaving out those of dismissed findings
	 * (a dismissed finding never counts against anyone).
	 */
	public List<TaskRow> tasks(Criteria criteria) {
		Query query = Query.query(criteria);
		query.fields()
			.include("responsibleOrganizationId", "findingId", "status", "deadline", "assignedOn", "submittedOn",
					"verifiedOn", "reminders.level", "reminders.issuedOn");
		List<Document> rows = this.mongo.find(query, Document.class, "rectifications");
		Set<String> dismissed = dismissedFindings(rows.stream().map((row) -> row.getString("findingId")).toList());
		List<TaskRow> tasks = new ArrayList<>();
		for (Document row : rows) {
			if (dismissed.contains(row.getString("findingId"))) {
				continue;
			}
			List<TaskRow.Step> steps = new ArrayList<>();
			for (Document reminder : row.getList("reminders", Document.class, List.of())) {
				steps.add(new TaskRow.Step(ReminderLevel.valueOf(reminder.getString("level")),
						day(reminder, "issuedOn")));
			}
			tasks.add(new TaskRow(row.getString("responsibleOrganizationId"),
					RectificationStatus.valueOf(row.getString("status")), day(row, "deadline"), day(row, "assignedOn"),
					day(row, "submittedOn"), day(row, "verifiedOn"), steps));
		}
		return tasks;
	}

	/**
	 * Of the findings given, those dismissed; every dismissed one when there are many.
	 */
	private Set<String> dismissedFindings(Collection<String> findingIds) {
		Criteria criteria = Criteria.where("status").is(FindingStatus.DISMISSED.name());
		Set<String> distinct = new HashSet<>(findingIds);
		distinct.remove(null);
		if (distinct.isEmpty()) {
			return Set.of();
		}
		if (distinct.size() <= 1000) {
			criteria = criteria.and("_id").in(objectIds(distinct));
		}
		Query query = Query.query(criteria);
		query.fields().include("_id");
		Set<String> ids = new HashSet<>();
		for (Document row : this.mongo.find(query, Document.class, "findings")) {
			ids.add(id(row));
		}
		return ids;
	}

	/** Ids as stored: hexadecimal object ids become ObjectIds, others stay strings. */
	public static List<Object> objectIds(Collection<String> ids) {
		return InQueries.storedIds(ids);
	}

	private List<Post> posts(Criteria criteria) {
		Query query = Query.query(criteria);
		query.fields().include("cadreId", "organizationId", "orgPath", "role", "start", "end");
		List<Post> posts = new ArrayList<>();
		for (Document row : this.mongo.find(query, Document.class, "appointments")) {
			posts.add(new Post(id(row), row.getString("cadreId"), row.getString("organizationId"),
					strings(row, "orgPath"), TeamRole.valueOf(row.getString("role")), day(row, "start"),
					day(row, "end")));
		}
		return posts;
	}

	private static Criteria overlapping(LocalDate from, LocalDate to) {
		return new Criteria().andOperator(Criteria.where("start").lte(day(to)),
				new Criteria().orOperator(Criteria.where("end").is(null), Criteria.where("end").gte(day(from))));
	}

	/** A calendar day as stored: midnight UTC. */
	public static Date day(LocalDate day) {
		return Keyset.date(day);
	}

	/** A stored calendar day back as a date; null when absent. */
	public static LocalDate day(Document row, String field) {
		return Keyset.day(row.get(field));
	}

	/** The document's id as a string (ObjectId or string ids). */
	public static String id(Document row) {
		return StoredValues.id(row);
	}

	@SuppressWarnings("unchecked")
	public static List<String> strings(Document row, String field) {
		Object value = row.get(field);
		if (value instanceof List<?> list) {
			return List.copyOf((List<String>) list);
		}
		return List.of();
	}

}
