package org.oversight.api.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.bson.Document;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

import org.oversight.core.common.Breakdowns;
import org.oversight.core.tally.SubtreeTallies;

/**
 * {@code totalCount} of the connections nested under each row of a list (an
 * organization's findings or tasks): read from the subtree tallies where they give the
 * answer, otherwise counted for all rows in one aggregation.
 */
@Controller
public class BatchedCounts {

	BatchedCounts(BatchLoaderRegistry registry, MongoTemplate mongo, SubtreeTallies tallies) {
		Loaders.<Connection.CountKey, Integer>keyed(registry, "connectionCounts", (keys, viewer) -> {
			Map<Connection.CountKey, Integer> result = new LinkedHashMap<>();
			// from the tallies: one read per source for every row and filter of the
			// request
			Loaders.grouped(keys.stream().filter((k) -> k.tally() != null).toList(), (k) -> k.tally().source(),
					(source, members) -> {
						tallies
							.sums(source, members.stream().map(Connection.CountKey::organizationId).distinct().toList(),
									members.stream().map(Connection.CountKey::tally).distinct().toList())
							.ifPresent((sums) -> members.forEach((key) -> result.put(key,
									sums.get(key.organizationId()).get(key.tally()).intValue())));
						return Map.of();
					});
			// the others (and all of them before the tallies are built): one
			// aggregation per collection and filter
			Loaders.grouped(keys.stream().filter((k) -> !result.containsKey(k)).toList(),
					(k) -> List.of(k.collection(), k.filter(), k.organizationField()), (group, members) -> {
						Connection.CountKey first = members.iterator().next();
						Map<String, Long> counts = Breakdowns.countByOrganization(mongo, first.collection(),
								mapped(first.filter(), mongo, first.type()), first.organizationField(),
								members.stream().map(Connection.CountKey::organizationId).toList());
						members.forEach(
								(key) -> result.put(key, counts.getOrDefault(key.organizationId(), 0L).intValue()));
						return Map.of();
					});
			return result;
		});
	}

	@SchemaMapping(typeName = "FindingConnection", field = "totalCount")
	CompletableFuture<Integer> findings(Connection<?> connection, DataFetchingEnvironment environment) {
		return count(connection, environment);
	}

	@SchemaMapping(typeName = "RectificationConnection", field = "totalCount")
	CompletableFuture<Integer> rectifications(Connection<?> connection, DataFetchingEnvironment environment) {
		return count(connection, environment);
	}

	/** Asked on every row of a list: the loader read from the environment. */
	private static CompletableFuture<Integer> count(Connection<?> connection, DataFetchingEnvironment environment) {
		if (connection.countKey() != null) {
			DataLoader<Connection.CountKey, Integer> loader = environment.getDataLoader("connectionCounts");
			return loader.load(connection.countKey());
		}
		return CompletableFuture.completedFuture(connection.getTotalCount());
	}

	/** The criteria as the database sees them (dates and enums mapped). */
	private static Document mapped(Criteria criteria, MongoTemplate mongo, Class<?> type) {
		var mapper = new org.springframework.data.mongodb.core.convert.QueryMapper(mongo.getConverter());
		return mapper.getMappedObject(criteria.getCriteriaObject(),
				mongo.getConverter().getMappingContext().getPersistentEntity(type));
	}

}
