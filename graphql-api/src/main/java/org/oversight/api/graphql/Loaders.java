package org.oversight.api.graphql;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import org.dataloader.BatchLoaderEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

import org.oversight.api.viewer.Viewer;
import org.oversight.api.viewer.Viewers;
import org.oversight.core.cadre.Cadres;
import org.oversight.core.organization.OrganizationQueries;

/**
 * The data loaders every type shares: organizations and cadres by id, each shown in full
 * or by identity only depending on the caller's scope. One query per batch.
 */
@Component
public class Loaders {

	public static final String ORGANIZATIONS = "organizationById";

	public static final String CADRES = "cadreById";

	Loaders(BatchLoaderRegistry registry, OrganizationQueries organizations, Cadres cadres) {
		registry.<String, OrgNode>forName(ORGANIZATIONS)
			.registerMappedBatchLoader((ids, env) -> Mono.fromSupplier(() -> {
				Viewer viewer = viewer(env);
				return organizations.byIds(ids)
					.stream()
					.collect(Collectors.toMap((o) -> o.id(), (o) -> OrgNode.of(o, viewer.scope())));
			}));
		registry.<String, CadreNode>forName(CADRES).registerMappedBatchLoader((ids, env) -> Mono.fromSupplier(() -> {
			Viewer viewer = viewer(env);
			return cadres.findByIdIn(ids)
				.stream()
				.collect(Collectors.toMap((c) -> c.id(), (c) -> CadreNode.of(c, viewer.scope())));
		}));
	}

	public static Viewer viewer(BatchLoaderEnvironment env) {
		Object context = env.getContext();
		if (context instanceof GraphQLContext graphQlContext) {
			return Viewers.from(graphQlContext);
		}
		return Viewer.anonymous();
	}

	/**
	 * Registers a keyed loader whose batch function groups keys by everything but the id.
	 */
	public static <K, V> void keyed(BatchLoaderRegistry registry, String name,
			java.util.function.BiFunction<Set<K>, Viewer, Map<K, V>> batch) {
		registry.<K, V>forName(name)
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> batch.apply(keys, viewer(env))));
	}

	public static <K, G, V> Map<K, V> grouped(Collection<K> keys, Function<K, G> groupBy,
			java.util.function.BiFunction<G, Collection<K>, Map<K, V>> perGroup) {
		Map<K, V> result = new LinkedHashMap<>();
		keys.stream()
			.collect(Collectors.groupingBy(groupBy))
			.forEach((group, members) -> result.putAll(perGroup.apply(group, members)));
		return result;
	}

}
