package org.oversight.api.cadre;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import org.dataloader.DataLoader;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

import org.oversight.api.graphql.CadreNode;
import org.oversight.api.graphql.Connection;
import org.oversight.api.graphql.Loaders;
import org.oversight.api.graphql.OrgNode;
import org.oversight.api.graphql.QueryMemos;
import org.oversight.api.viewer.Right;
import org.oversight.api.viewer.Viewer;
import org.oversight.core.cadre.ActivePosts;
import org.oversight.core.cadre.Appointment;
import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.CadreQueries;
import org.oversight.core.cadre.CadreService;
import org.oversight.core.cadre.Cadres;
import org.oversight.core.common.Check;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.Memo;
import org.oversight.core.common.PageRequest;
import org.oversight.core.common.Today;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationService;
import org.oversight.core.supervision.SupervisionEdge;
import org.oversight.core.supervision.SupervisionGraph;
import org.oversight.core.supervision.SupervisionKind;

/** The Cadre and Appointment types, their queries and mutations. */
@Controller
class CadreController {

	static final Set<SupervisionKind> TRANSITIVE_DEFAULT = EnumSet.of(SupervisionKind.UPPER_PRINCIPAL,
			SupervisionKind.PRINCIPAL_OVER_TEAM);

	private final CadreService service;

	private final CadreQueries queries;

	private final Cadres cadres;

	private final OrganizationService organizations;

	private final SupervisionGraph graph;

	private final Loaders loaders;

	private final Today today;

	CadreController(CadreService service, CadreQueries queries, Cadres cadres, ActivePosts posts, Loaders loaders,
			OrganizationService organizations, SupervisionGraph graph, Today today, BatchLoaderRegistry registry) {
		this.service = service;
		this.loaders = loaders;
		this.queries = queries;
		this.cadres = cadres;
		this.organizations = organizations;
		this.graph = graph;
		this.today = today;
		Loaders.<PostsKey, List<Appointment>>keyed(registry, "appointmentsOf", (keys, viewer, memo) -> {
			Map<String, List<Appointment>> byCadre = posts
				.allOfCadres(keys.stream().map(PostsKey::cadreId).collect(Collectors.toCollection(LinkedHashSet::new)),
						memo)
				.values()
				.stream()
				.flatMap(List::stream)
				.filter((a) -> viewer.sees(a.orgPath()))
				.sorted(Comparator.comparing(Appointment::start).thenComparing(Appointment::id))
				.collect(Collectors.groupingBy(Appointment::cadreId));
			LocalDate day = today.date();
			Map<PostsKey, List<Appointment>> result = new LinkedHashMap<>();
			for (PostsKey key : keys) {
				result.put(key,
						byCadre.getOrDefault(key.cadreId(), List.of())
							.stream()
							.filter((a) -> key.includeEnded() || a.end() == null || !a.end().isBefore(day))
							.toList());
			}
			return result;
		});
		Loaders.<SupervisionKey, List<?>>keyed(registry, "supervisionOf", this::supervision);
	}

	record PostsKey(String cadreId, boolean includeEnded) {
	}

	/**
	 * One part of a cadre's supervision on a day: the chain above them, or the edges of
	 * the kinds into or out of them.
	 */
	record SupervisionKey(String cadreId, LocalDate day, Part part, Set<SupervisionKind> kinds) {

		enum Part {

			CHAIN, SUPERVISORS, SUPERVISEES

		}

	}

	/**
	 * The parts asked for in one go, so that they share the query's reads (each cadre's
	 * posts, each team, the stored edges) and name every cadre they show with one read:
	 * chains of cadres (null where a cadre is missing, as before), edges in kind order,
	 * then by the other end's name.
	 */
	private Map<SupervisionKey, List<?>> supervision(Set<SupervisionKey> keys, Viewer viewer, Memo memo) {
		Map<SupervisionKey, List<String>> chains = new LinkedHashMap<>();
		Map<SupervisionKey, List<SupervisionEdge>> edges = new LinkedHashMap<>();
		Map<List<Object>, List<SupervisionKey>> groups = keys.stream()
			.collect(Collectors.groupingBy((k) -> List.of(k.day(), k.part(), k.kinds()), LinkedHashMap::new,
					Collectors.toList()));
		for (List<SupervisionKey> members : groups.values()) {
			SupervisionKey first = members.get(0);
			List<String> ids = members.stream().map(SupervisionKey::cadreId).toList();
			switch (first.part()) {
				case CHAIN -> {
					Map<String, List<String>> found = this.graph.chains(ids, first.day(), memo);
					members.forEach((key) -> chains.put(key, found.get(key.cadreId())));
				}
				case SUPERVISORS -> {
					Map<String, List<SupervisionEdge>> found = this.graph.supervisorsOf(ids, first.day(), first.kinds(),
							memo);
					members.forEach((key) -> edges.put(key, found.getOrDefault(key.cadreId(), List.of())));
				}
				case SUPERVISEES -> {
					Map<String, List<SupervisionEdge>> found = this.graph.superviseesOf(ids, first.day(), first.kinds(),
							memo);
					members.forEach((key) -> edges.put(key, found.getOrDefault(key.cadreId(), List.of())));
				}
			}
		}
		Set<String> shown = new LinkedHashSet<>();
		chains.values().forEach(shown::addAll);
		edges.forEach((key, list) -> list.forEach((e) -> shown.add(otherEnd(key, e))));
		Map<String, Cadre> named = this.loaders.cadres(shown, memo);
		Map<SupervisionKey, List<?>> result = new LinkedHashMap<>();
		chains.forEach((key, chain) -> result.put(key,
				chain.stream()
					.map((id) -> named.containsKey(id) ? CadreNode.of(named.get(id), viewer.scope()) : null)
					.toList()));
		edges.forEach((key, list) -> result.put(key, list.stream()
			.sorted(Comparator.comparing(SupervisionEdge::kind)
				.thenComparing((e) -> named.containsKey(otherEnd(key, e)) ? named.get(otherEnd(key, e)).name() : "")
				.thenComparing((e) -> otherEnd(key, e)))
			.toList()));
		return result;
	}

	private static String otherEnd(SupervisionKey key, SupervisionEdge edge) {
		return (key.part() == SupervisionKey.Part.SUPERVISORS) ? edge.supervisorId() : edge.subjectId();
	}

	@QueryMapping
	CadreNode cadre(@Argument String id, @ContextValue Viewer viewer) {
		viewer.require(Right.READ);
		if (id == null || !org.bson.types.ObjectId.isValid(id)) {
			return null;
		}
		return visible(this.cadres.findById(id).orElse(null), viewer);
	}

	@QueryMapping
	CadreNode cadreByCode(@Argument String code, @ContextValue Viewer viewer) {
		viewer.require(Right.READ);
		return visible(this.cadres.findByCode(code).orElse(null), viewer);
	}

	@QueryMapping
	Connection<CadreNode> searchCadres(@Argument String text, @Argument Integer first, @Argument String after,
			@ContextValue Viewer viewer) {
		viewer.require(Right.READ);
		Check.text("text", text, 100);
		PageRequest page = PageRequest.of(first, after);
		Criteria criteria = this.queries.search(viewer.scope(), text);
		return Connection.of(this.queries.page(criteria, page), (c) -> CadreNode.of(c, viewer.scope()),
				() -> this.queries.count(criteria));
	}

	@MutationMapping
	CadreNode registerCadre(@Argument CadreService.RegisterCadre input, @ContextValue Viewer viewer) {
		viewer.require(Right.MANAGE_ORGANIZATIONS);
		Cadre cadre = this.service.register(input);
		return new CadreNode(cadre.id(), cadre.code(), cadre.name(), cadre.birthYear(), true);
	}

	@MutationMapping
	Appointment appoint(@Argument CadreService.Appoint input, @ContextValue Viewer viewer) {
		viewer.require(Right.MANAGE_ORGANIZATIONS);
		Organization organization = this.organizations.get("organizationId", input.organizationId());
		viewer.requireInScope(organization.path());
		return this.service.appoint(input);
	}

	@MutationMapping
	Appointment endAppointment(@Argument String id, @Argument LocalDate end, @ContextValue Viewer viewer) {
		viewer.require(Right.MANAGE_ORGANIZATIONS);
		Appointment appointment = this.service.getAppointment("id", id);
		viewer.requireInScope(appointment.orgPath());
		return this.service.endAppointment(id, end);
	}

	@SchemaMapping(typeName = "Cadre")
	CompletableFuture<List<Appointment>> appointments(CadreNode cadre, @Argument Boolean includeEnded,
			DataLoader<PostsKey, List<Appointment>> appointmentsOf) {
		if (!cadre.visible()) {
			return CompletableFuture.completedFuture(List.of());
		}
		return appointmentsOf.load(new PostsKey(cadre.id(), Boolean.TRUE.equals(includeEnded)));
	}

	@SchemaMapping(typeName = "Cadre")
	CompletableFuture<List<Appointment>> currentPosts(CadreNode cadre,
			DataLoader<PostsKey, List<Appointment>> appointmentsOf) {
		return appointments(cadre, false, appointmentsOf);
	}

	@SchemaMapping(typeName = "Cadre")
	CompletableFuture<List<SupervisionEdge>> supervisors(CadreNode cadre, @Argument LocalDate asOf,
			@Argument List<SupervisionKind> kinds, DataLoader<SupervisionKey, List<?>> supervisionOf) {
		return edges(cadre, SupervisionKey.Part.SUPERVISORS, asOf, kinds, supervisionOf);
	}

	@SchemaMapping(typeName = "Cadre")
	CompletableFuture<List<SupervisionEdge>> supervisees(CadreNode cadre, @Argument LocalDate asOf,
			@Argument List<SupervisionKind> kinds, DataLoader<SupervisionKey, List<?>> supervisionOf) {
		return edges(cadre, SupervisionKey.Part.SUPERVISEES, asOf, kinds, supervisionOf);
	}

	@SchemaMapping(typeName = "Cadre")
	CompletableFuture<Integer> spanOfControl(CadreNode cadre, @Argument LocalDate asOf,
			DataLoader<SupervisionKey, List<?>> supervisionOf) {
		return supervisees(cadre, asOf, null, supervisionOf)
			.thenApply((edges) -> (int) edges.stream().map(SupervisionEdge::subjectId).distinct().count());
	}

	@SuppressWarnings("unchecked")
	private CompletableFuture<List<SupervisionEdge>> edges(CadreNode cadre, SupervisionKey.Part part, LocalDate asOf,
			List<SupervisionKind> kinds, DataLoader<SupervisionKey, List<?>> supervisionOf) {
		if (!cadre.visible()) {
			return CompletableFuture.completedFuture(List.of());
		}
		return supervisionOf.load(new SupervisionKey(cadre.id(), day(asOf), part, kinds(kinds)))
			.thenApply((edges) -> (List<SupervisionEdge>) edges);
	}

	@SchemaMapping(typeName = "Cadre")
	@SuppressWarnings("unchecked")
	CompletableFuture<List<CadreNode>> supervisionChain(CadreNode cadre, @Argument LocalDate asOf,
			DataLoader<SupervisionKey, List<?>> supervisionOf) {
		if (!cadre.visible()) {
			return CompletableFuture.completedFuture(List.of());
		}
		return supervisionOf.load(new SupervisionKey(cadre.id(), day(asOf), SupervisionKey.Part.CHAIN, Set.of()))
			.thenApply((chain) -> (List<CadreNode>) chain);
	}

	@SchemaMapping(typeName = "Cadre")
	CompletableFuture<Integer> chainDepth(CadreNode cadre, @Argument LocalDate asOf,
			DataLoader<SupervisionKey, List<?>> supervisionOf) {
		return supervisionChain(cadre, asOf, supervisionOf).thenApply(List::size);
	}

	/** Everyone below through edges of the kinds, nearest first, one batch per level. */
	@SchemaMapping(typeName = "Cadre")
	List<CadreNode> supervisedTransitively(CadreNode cadre, @Argument LocalDate asOf,
			@Argument List<SupervisionKind> kinds, @Argument Integer first, @ContextValue Viewer viewer,
			GraphQLContext context) {
		if (!cadre.visible()) {
			return List.of();
		}
		Memo memo = QueryMemos.of(context);
		int limit = (first != null) ? first : 200;
		if (limit < 0 || limit > 5000) {
			throw DomainException.invalid("first", "must be between 0 and 5000");
		}
		Set<SupervisionKind> wanted = (kinds == null || kinds.isEmpty()) ? TRANSITIVE_DEFAULT : EnumSet.copyOf(kinds);
		LocalDate day = day(asOf);
		LinkedHashSet<String> seen = new LinkedHashSet<>();
		List<String> frontier = List.of(cadre.id());
		while (!frontier.isEmpty() && seen.size() < limit) {
			List<String> next = new ArrayList<>();
			for (List<SupervisionEdge> edges : this.graph.superviseesOf(frontier, day, wanted, memo).values()) {
				for (SupervisionEdge edge : edges) {
					if (!edge.subjectId().equals(cadre.id()) && seen.add(edge.subjectId())) {
						next.add(edge.subjectId());
					}
				}
			}
			frontier = next;
		}
		List<String> ordered = seen.stream().limit(limit).toList();
		Map<String, CadreNode> nodes = new HashMap<>();
		this.loaders.cadres(ordered, memo).forEach((id, c) -> nodes.put(id, CadreNode.of(c, viewer.scope())));
		return ordered.stream().map(nodes::get).filter(java.util.Objects::nonNull).toList();
	}

	@SchemaMapping(typeName = "Appointment")
	CompletableFuture<CadreNode> cadre(Appointment appointment, DataLoader<String, CadreNode> cadreById) {
		return cadreById.load(appointment.cadreId());
	}

	@SchemaMapping(typeName = "Appointment")
	CompletableFuture<OrgNode> organization(Appointment appointment, DataLoader<String, OrgNode> organizationById) {
		return organizationById.load(appointment.organizationId());
	}

	@SchemaMapping(typeName = "Appointment")
	LocalDate start(Appointment appointment) {
		return appointment.start();
	}

	@SchemaMapping(typeName = "Appointment")
	LocalDate end(Appointment appointment) {
		return appointment.end();
	}

	private LocalDate day(LocalDate asOf) {
		return (asOf != null) ? asOf : this.today.date();
	}

	private static Set<SupervisionKind> kinds(List<SupervisionKind> kinds) {
		return (kinds == null || kinds.isEmpty()) ? EnumSet.allOf(SupervisionKind.class) : EnumSet.copyOf(kinds);
	}

	private static CadreNode visible(Cadre cadre, Viewer viewer) {
		if (cadre == null) {
			return null;
		}
		CadreNode node = CadreNode.of(cadre, viewer.scope());
		return node.visible() ? node : null;
	}

}
