package org.oversight.core.rectification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import org.oversight.core.common.DomainException;
import org.oversight.core.common.Keyset;
import org.oversight.core.common.Page;
import org.oversight.core.common.PageRequest;
import org.oversight.core.common.Scope;

/**
 * Reads tasks inside a scope in their default order: overdue first (most days overdue
 * first), then the other unverified ones by deadline, then VERIFIED ones latest first,
 * then id. "Overdue" depends on today, so the order's first key is computed in one
 * aggregation; a page is one command.
 */
@Component
public class RectificationQueries {

	/** The orders a task list can be read in. */
	public enum Order {

		DEFAULT, DEADLINE_EARLIEST, DEADLINE_LATEST

	}

	private static final Keyset<Rectification> EARLIEST = new Keyset<>(
			List.of(org.springframework.data.domain.Sort.Order.asc("deadline"),
					org.springframework.data.domain.Sort.Order.asc("_id")),
			(t) -> List.of(Keyset.date(t.deadline()), t.id()));

	private static final Keyset<Rectification> LATEST = new Keyset<>(
			List.of(org.springframework.data.domain.Sort.Order.desc("deadline"),
					org.springframework.data.domain.Sort.Order.asc("_id")),
			(t) -> List.of(Keyset.date(t.deadline()), t.id()));

	private final MongoTemplate mongo;

	RectificationQueries(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Visible tasks: of a responsible organization in scope, not about the recused cadre.
	 */
	public Criteria visible(Scope scope) {
		return new Criteria().andOperator(scope.on("orgPath"), scope.recusal("findingSubjectId"));
	}

	public Criteria of(Scope scope, String organizationId, boolean includeDescendants, RectificationFilter filter,
			LocalDate today) {
		Criteria where = (organizationId == null) ? new Criteria()
				: includeDescendants ? Criteria.where("orgPath").is(organizationId)
						: Criteria.where("responsibleOrganizationId").is(organizationId);
		return new Criteria().andOperator(visible(scope), where,
				(filter != null) ? filter.criteria(today) : new Criteria());
	}

	public Page<Rectification> page(Criteria criteria, PageRequest request, LocalDate today, Order order) {
		return switch ((order != null) ? order : Order.DEFAULT) {
			case DEFAULT -> page(criteria, request, today);
			case DEADLINE_EARLIEST -> EARLIEST.page(this.mongo, criteria, request, Rectification.class);
			case DEADLINE_LATEST -> LATEST.page(this.mongo, criteria, request, Rectification.class);
		};
	}

	public Page<Rectification> page(Criteria criteria, PageRequest request, LocalDate today) {
		if (request.first() == 0) {
			return Page.empty();
		}
		Date day = Keyset.date(today);
		List<AggregationOperation> stages = new ArrayList<>();
		stages.add(Aggregation.match(criteria));
		stages.add((context) -> new Document("$addFields", new Document("_b", bucket(day)).append("_d",
				new Document("$cond", List.of(new Document("$eq", List.of("$status", "VERIFIED")), 0, "$deadline")))));
		if (request.after() != null) {
			stages.add((context) -> new Document("$match", after(Keyset.decode(request.after()))));
		}
		stages.add((context) -> new Document("$sort",
				new Document("_b", 1).append("_d", 1).append("verifiedOn", -1).append("_id", 1)));
		stages.add(Aggregation.limit(request.first() + 1));
		List<Rectification> rows = this.mongo
			.aggregate(Aggregation.newAggregation(stages), "rectifications", Rectification.class)
			.getMappedResults();
		boolean more = rows.size() > request.first();
		List<Rectification> items = more ? rows.subList(0, request.first()) : rows;
		List<String> cursors = items.stream().map((task) -> Keyset.encode(key(task, today))).toList();
		return new Page<>(List.copyOf(items), cursors, more);
	}

	/** 0 overdue, 1 other unverified, 2 verified. */
	private static Document bucket(Date day) {
		Document open = new Document("$in", List.of("$status", List.of("ASSIGNED", "IN_PROGRESS")));
		Document late = new Document("$lt", List.of("$deadline", day));
		Document overdue = new Document("$and", List.of(open, late));
		Document verified = new Document("$eq", List.of("$status", "VERIFIED"));
		return new Document("$cond", List.of(overdue, 0, new Document("$cond", List.of(verified, 2, 1))));
	}

	private static List<Object> key(Rectification task, LocalDate today) {
		int bucket = task.overdueOn(today) ? 0 : (task.status() == RectificationStatus.VERIFIED) ? 2 : 1;
		if (bucket == 2) {
			return List.of(bucket, Keyset.date(task.verifiedOn()), task.id());
		}
		return List.of(bucket, Keyset.date(task.deadline()), task.id());
	}

	private static Document after(List<Object> cursor) {
		if (cursor.size() != 3 || !(cursor.get(0) instanceof Integer bucket)) {
			throw DomainException.invalid("after", "is not a cursor of this list");
		}
		Object id = new org.bson.types.ObjectId(String.valueOf(cursor.get(2)));
		Object value = cursor.get(1);
		Document sameBucket;
		if (bucket == 2) {
			sameBucket = new Document("_b", 2).append("$or",
					List.of(new Document("verifiedOn", new Document("$lt", value)),
							new Document("verifiedOn", value).append("_id", new Document("$gt", id))));
		}
		else {
			sameBucket = new Document("_b", bucket).append("$or",
					List.of(new Document("_d", new Document("$gt", value)),
							new Document("_d", value).append("_id", new Document("$gt", id))));
		}
		return new Document("$or", List.of(new Document("_b", new Document("$gt", bucket)), sameBucket));
	}

	public long count(Criteria criteria) {
		return this.mongo.count(Query.query(criteria), Rectification.class);
	}

	public List<Rectification> byIds(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Rectification.class);
	}

	public List<Rectification> ofFindings(Collection<String> findingIds, Scope scope) {
		if (findingIds.isEmpty()) {
			return List.of();
		}
		return this.mongo.find(
				Query.query(new Criteria().andOperator(Criteria.where("findingId").in(findingIds), visible(scope))),
				Rectification.class);
	}

}
