package org.oversight.core.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Grouped counts for charts: for each of several organizations, how many matching records
 * its subtree holds by a key. One aggregation for all of them.
 */
public final class Breakdowns {

	private Breakdowns() {
	}

	/**
	 * @param keyExpression an aggregation expression for the key, e.g. {@code "$status"}
	 * @return organization id → key → count (keys absent from the data are absent)
	 */
	public static Map<String, Map<String, Long>> countBySubtree(MongoTemplate mongo, String collection,
			Criteria criteria, Collection<String> organizationIds, Object keyExpression) {
		Map<String, Map<String, Long>> result = new LinkedHashMap<>();
		organizationIds.forEach((id) -> result.put(id, new LinkedHashMap<>()));
		if (organizationIds.isEmpty()) {
			return result;
		}
		List<AggregationOperation> stages = new ArrayList<>();
		stages.add(Aggregation
			.match(new Criteria().andOperator(criteria, Criteria.where(OrgPathCollection.FIELD).in(organizationIds))));
		stages.add((context) -> new Document("$project",
				new Document("_k", keyExpression).append(OrgPathCollection.FIELD, 1)));
		stages.add((context) -> new Document("$unwind", "$" + OrgPathCollection.FIELD));
		stages.add((context) -> new Document("$match",
				new Document(OrgPathCollection.FIELD, new Document("$in", List.copyOf(organizationIds)))));
		stages.add((context) -> new Document("$group",
				new Document("_id", new Document("o", "$" + OrgPathCollection.FIELD).append("k", "$_k")).append("n",
						new Document("$sum", 1))));
		for (Document row : mongo.aggregate(Aggregation.newAggregation(stages), collection, Document.class)
			.getMappedResults()) {
			Document id = row.get("_id", Document.class);
			Object key = id.get("k");
			result.computeIfAbsent(String.valueOf(id.get("o")), (k) -> new LinkedHashMap<>())
				.merge((key != null) ? String.valueOf(key) : "NONE", ((Number) row.get("n")).longValue(), Long::sum);
		}
		return result;
	}

	/**
	 * How many matching records each organization has, either directly
	 * ({@code organizationField} = e.g. {@code organizationId}) or in its subtree
	 * ({@code orgPath}). One aggregation for all of them.
	 */
	public static Map<String, Long> countByOrganization(MongoTemplate mongo, String collection, Document filter,
			String organizationField, Collection<String> organizationIds) {
		Map<String, Long> result = new LinkedHashMap<>();
		organizationIds.forEach((id) -> result.put(id, 0L));
		if (organizationIds.isEmpty()) {
			return result;
		}
		List<AggregationOperation> stages = new ArrayList<>();
		stages.add((context) -> new Document("$match", new Document("$and",
				List.of(filter, new Document(organizationField, new Document("$in", List.copyOf(organizationIds)))))));
		stages.add((context) -> new Document("$project", new Document(organizationField, 1)));
		if (organizationField.equals(OrgPathCollection.FIELD)) {
			stages.add((context) -> new Document("$unwind", "$" + organizationField));
			stages.add((context) -> new Document("$match",
					new Document(organizationField, new Document("$in", List.copyOf(organizationIds)))));
		}
		stages.add((context) -> new Document("$group",
				new Document("_id", "$" + organizationField).append("n", new Document("$sum", 1))));
		for (Document row : mongo.aggregate(Aggregation.newAggregation(stages), collection, Document.class)
			.getMappedResults()) {
			result.put(String.valueOf(row.get("_id")), ((Number) row.get("n")).longValue());
		}
		return result;
	}

}
