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
import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.Cadres;
import org.oversight.core.common.Memo;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationQueries;

/**
 * The data loaders every type shares: organizations and cadres by id, each shown in full
 * or by identity only depending on the caller's scope. One query per batch, none for what
 * the query has read already ({@link QueryMemos}).
 */
@Component
public class Loaders {

	public static final String ORGANIZATIONS = "organizationById";

	public static final String CADRES = "cadreById";

	private static final Memo.Slot<Cadre> CADRE = new Memo.Slot<>("cadre");

	private final OrganizationQueries organizations;

	private final Cadres cadres;

	Loaders(BatchLoaderRegistry registry, OrganizationQueries organizations, Cadres cadres) {
		this.organizations = organizations;
		this.cadres = cadres;
		registry.<String, OrgNode>forName(ORGANIZATIONS)
			.registerMappedBatchLoader((ids, env) -> Mono.fromSupplier(() -> {
				Viewer viewer = viewer(env);
				Map<String, OrgNode> nodes = new LinkedHashMap<>();
				organizations(ids, QueryMemos.of(env)).forEach((id, o) -> nodes.put(id, OrgNode.of(o, viewer.scope())));
				return nodes;
			}));
		registry.<String, CadreNode>forName(CADRES).registerMappedBatchLoader((ids, env) -> Mono.fromSupplier(() -> {
			Viewer viewer = viewer(env);
			Map<String, CadreNode> nodes = new LinkedHashMap<>();
			cadres(ids, QueryMemos.of(env)).forEach((id, c) -> nodes.put(id, CadreNode.of(c, viewer.scope())));
			return nodes;
		}));
	}

	/**
	 * The organizations by id, read once per query however many fields and depths ask
	 * (shown to the caller through {@link OrgNode#of}, which applies the scope).
	 */
	public Map<String, Organization> organizations(Collection<String> ids, Memo memo) {
		return this.organizations.byIds(ids, memo);
	}

	/**
	 * The cadres by id, read once per query however many fields and depths ask (shown to
	 * the caller through {@link CadreNode#of}, which applies the scope).
	 */
	public Map<String, Cadre> cadres(Collection<String> ids, Memo memo) {
		return memo.get(CADRE, ids,
				(missing) -> this.cadres.findByIdIn(missing).stream().collect(Collectors.toMap(Cadre::id, (c) -> c)));
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

	/**
	 * Registers a keyed loader whose batch function reads through the query's memo
	 * ({@link QueryMemos}).
	 */
	public static <K, V> void keyed(BatchLoaderRegistry registry, String name, MemoBatch<K, V> batch) {
		registry.<K, V>forName(name)
			.registerMappedBatchLoader(
					(keys, env) -> Mono.fromSupplier(() -> batch.apply(keys, viewer(env), QueryMemos.of(env))));
	}

	/** A batch function given the caller and the query's memo. */
	@FunctionalInterface
	public interface MemoBatch<K, V> {

		Map<K, V> apply(Set<K> keys, Viewer viewer, Memo memo);

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
