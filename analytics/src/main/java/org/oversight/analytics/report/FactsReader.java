package org.oversight.analytics.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import org.oversight.analytics.facts.AnalyticsReads;
import org.oversight.analytics.facts.Post;
import org.oversight.analytics.facts.TalkCoverage;
import org.oversight.analytics.facts.TalkRow;
import org.oversight.analytics.facts.YearPeriod;
import org.oversight.analytics.facts.TaskRow;
import org.oversight.analytics.indicator.Figures;
import org.oversight.analytics.indicator.IndicatorModel;
import org.oversight.core.common.OrgPathCollection;
import org.oversight.core.finding.DispositionForm;
import org.oversight.core.finding.FindingSource;
import org.oversight.core.finding.FindingStatus;
import org.oversight.core.finding.Severity;
import org.oversight.core.organization.Organization;
import org.oversight.core.rectification.RectificationStatus;

import static org.oversight.analytics.facts.AnalyticsReads.day;

/**
 * Reads one year of records for a whole subtree in a fixed number of queries, whatever
 * its size: the organizations, a grouped aggregation of findings, the relevant
 * rectification tasks (projected), the posts and talks of the year, the meetings and an
 * aggregation of interference records. Everything is then added up by organization and
 * rolled up the tree in memory ({@link YearFigures}).
 */
@Component
class FactsReader {

	private final MongoTemplate mongo;

	private final AnalyticsReads reads;

	FactsReader(MongoTemplate mongo, AnalyticsReads reads) {
		this.mongo = mongo;
		this.reads = reads;
	}

	/**
	 * The year's figures of every organization of the subtree of {@code root} (or all).
	 */
	YearData read(YearPeriod period, Organization root, IndicatorModel model) {
		List<OrgNode> subtree = organizations(root);
		YearFigures figures = new YearFigures(period, subtree, model.meetingKinds());
		Criteria inSubtree = (root != null) ? Criteria.where(OrgPathCollection.FIELD).is(root.id()) : new Criteria();
		findings(period, inSubtree).forEach((group) -> figures.add(group.organizationId(), group.figures()));
		for (TaskRow task : tasks(period, inSubtree)) {
			figures.add(task.organizationId(), task.figures(period));
		}
		meetings(period, inSubtree, figures);
		interference(period, inSubtree).forEach((organizationId, count) -> figures.add(organizationId,
				Figures.builder().interferenceRecords(count).build()));
		TalkCoverage coverage = posts(period, figures);
		return new YearData(figures, coverage);
	}

	/**
	 * The records of a year added up by organization, and the talk coverage to roll up.
	 */
	record YearData(YearFigures figures, TalkCoverage coverage) {

		Map<String, Figures> rollUp() {
			return this.figures.rollUp(this.coverage);
		}

	}

	private List<OrgNode> organizations(Organization root) {
		Query query = (root != null) ? Query.query(Criteria.where("path").is(root.id())) : new Query();
		return this.mongo.find(query, Organization.class).stream().map(OrgNode::of).toList();
	}

	List<FindingGroup> findings(YearPeriod period, Criteria inSubtree) {
		List<AggregationOperation> stages = new ArrayList<>();
		stages.add(Aggregation.match(new Criteria().andOperator(inSubtree,
				Criteria.where("reportedOn").gte(day(period.start())).lte(day(period.end())))));
		stages.add((context) -> new Document("$group",
				new Document("_id",
						new Document("o", "$organizationId").append("st", "$status")
							.append("sv", "$severity")
							.append("p", "$concernsPrincipal")
							.append("src", "$source")
							.append("d", "$disposition"))
					.append("n", new Document("$sum", 1))));
		List<FindingGroup> groups = new ArrayList<>();
		for (Document row : this.mongo.aggregate(Aggregation.newAggregation(stages), "findings", Document.class)
			.getMappedResults()) {
			Document id = row.get("_id", Document.class);
			String disposition = id.getString("d");
			groups.add(new FindingGroup(id.getString("o"), FindingStatus.valueOf(id.getString("st")),
					Severity.valueOf(id.getString("sv")), Boolean.TRUE.equals(id.getBoolean("p")),
					FindingSource.valueOf(id.getString("src")),
					(disposition != null) ? DispositionForm.valueOf(disposition) : null,
					((Number) row.get("n")).longValue()));
		}
		return groups;
	}

	/**
	 * Tasks that can matter for the year: assigned by the reference day and not verified
	 * before the year began (unless due in it); tasks of dismissed findings left out.
	 */
	private List<TaskRow> tasks(YearPeriod period, Criteria inSubtree) {
		Criteria relevant = new Criteria().andOperator(inSubtree,
				Criteria.where("assignedOn").lte(day(period.referenceDay())),
				new Criteria().orOperator(Criteria.where("status").ne(RectificationStatus.VERIFIED.name()),
						Criteria.where("verifiedOn").gte(day(period.start())),
						Criteria.where("deadline").gte(day(period.start()))));
		return this.reads.tasks(relevant);
	}

	private void meetings(YearPeriod period, Criteria inSubtree, YearFigures figures) {
		Query query = Query.query(new Criteria().andOperator(inSubtree,
				Criteria.where("date").gte(day(period.start())).lte(day(period.end()))));
		query.fields().include("organizationId", "upperLevelAttendeeIds");
		for (Document row : this.mongo.find(query, Document.class, "meetings")) {
			figures.meeting(row.getString("organizationId"),
					!AnalyticsReads.strings(row, "upperLevelAttendeeIds").isEmpty());
		}
	}

	private Map<String, Long> interference(YearPeriod period, Criteria inSubtree) {
		List<AggregationOperation> stages = new ArrayList<>();
		stages.add(Aggregation.match(new Criteria().andOperator(inSubtree,
				Criteria.where("date").gte(day(period.start())).lte(day(period.end())))));
		stages.add((context) -> new Document("$group",
				new Document("_id", "$organizationId").append("n", new Document("$sum", 1))));
		Map<String, Long> counts = new HashMap<>();
		for (Document row : this.mongo
			.aggregate(Aggregation.newAggregation(stages), "interference_records", Document.class)
			.getMappedResults()) {
			counts.put(row.getString("_id"), ((Number) row.get("n")).longValue());
		}
		return counts;
	}

	/**
	 * The posts of the year (the whole tree: principals above the subtree and posts
	 * elsewhere of its principals matter too) and the talks needed for coverage.
	 */
	private TalkCoverage posts(YearPeriod period, YearFigures figures) {
		List<Post> window = this.reads.postsOverlapping(period.start(), period.talkWindowEnd());
		Map<String, List<Post>> principalsOnDay = new HashMap<>();
		Map<String, List<Post>> principalsInWindow = new HashMap<>();
		Map<String, List<Post>> postsByCadre = new HashMap<>();
		for (Post post : window) {
			postsByCadre.computeIfAbsent(post.cadreId(), (k) -> new ArrayList<>()).add(post);
			if (post.principal()) {
				principalsInWindow.computeIfAbsent(post.organizationId(), (k) -> new ArrayList<>()).add(post);
				if (post.activeOn(period.referenceDay())) {
					principalsOnDay.computeIfAbsent(post.organizationId(), (k) -> new ArrayList<>()).add(post);
				}
			}
			if (post.activeOn(period.referenceDay())) {
				figures.postOnDay(post);
			}
		}
		Set<String> subjects = new HashSet<>();
		for (List<Post> posts : principalsOnDay.values()) {
			for (Post post : posts) {
				if (figures.contains(post.organizationId()) && TalkCoverage.hasPrincipalAbove(post, principalsOnDay)) {
					figures.countedPrincipal(post);
					subjects.add(post.cadreId());
				}
			}
		}
		Map<String, List<TalkRow>> talks = this.reads
			.talks(TalkCoverage.kinds(), period.start(), period.talkWindowEnd(), null)
			.stream()
			.filter((talk) -> subjects.contains(talk.subjectId()))
			.collect(Collectors.groupingBy(TalkRow::subjectId));
		return new TalkCoverage(period, postsByCadre, principalsInWindow, talks);
	}

}
