package org.oversight.api.cadre;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

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
import org.oversight.api.viewer.Right;
import org.oversight.api.viewer.Viewer;
import org.oversight.core.cadre.Appointment;
import org.oversight.core.cadre.Appointments;
import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.CadreQueries;
import org.oversight.core.cadre.CadreService;
import org.oversight.core.cadre.Cadres;
import org.oversight.core.common.Check;
import org.oversight.core.common.DomainException;
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

	private final Today today;

	CadreController(CadreService service, CadreQueries queries, Cadres cadres, Appointments appointments,
			OrganizationService organizations, SupervisionGraph graph, Today today, BatchLoaderRegistry registry) {
		this.service = service;
		this.queries = queries;
		this.cadres = cadres;
		this.organizations = organizations;
		this.graph = graph;
		this.today = today;
		Loaders.<PostsKey, List<Appointment>>keyed(registry, "appointmentsOf", (keys, viewer) -> {
			Map<String, List<Appointment>> byCadre = appointments
				.findByCadreIdIn(keys.stream().map(PostsKey::cadreId).collect(Collectors.toSet()))
				.stream()
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
		Loaders.<EdgesKey, List<SupervisionEdge>>keyed(registry, "supervisorsOf", (keys, viewer) -> edges(keys, true));
		Loaders.<EdgesKey, List<SupervisionEdge>>keyed(registry, "superviseesOf", (keys, viewer) -> edges(keys, false));
		Loaders.<ChainKey, List<CadreNode>>keyed(registry, "chainOf",
				(keys, viewer) -> Loaders.grouped(keys, ChainKey::day, (day, members) -> {
					Map<String, List<String>> chains = graph.chains(members.stream().map(ChainKey::cadreId).toList(),
							day);
					Set<String> all = new HashSet<>();
					chains.values().forEach(all::addAll);
					Map<String, CadreNode> nodes = cadres.findByIdIn(all)
						.stream()
						.collect(Collectors.toMap(Cadre::id, (c) -> CadreNode.of(c, viewer.scope())));
					Map<ChainKey, List<CadreNode>> result = new LinkedHashMap<>();
					members
						.forEach((key) -> result.put(key, chains.get(key.cadreId()).stream().map(nodes::get).toList()));
					return result;
				}));
	}

	record PostsKey(String cadreId, boolean includeEnded) {
	}

	record EdgesKey(String cadreId, LocalDate day, Set<SupervisionKind> kinds) {
	}

	record ChainKey(String cadreId, LocalDate day) {
	}

	/** Edges in kind order, then by the other end's name. */
	private Map<EdgesKey, List<SupervisionEdge>> edges(Set<EdgesKey> keys, boolean into) {
		return Loaders.grouped(keys, (k) -> List.of(k.day(), k.kinds()), (group, members) -> {
			EdgesKey first = members.iterator().next();
			List<String> ids = members.stream().map(EdgesKey::cadreId).toList();
			Map<String, List<SupervisionEdge>> edges = into ? this.graph.supervisorsOf(ids, first.day(), first.kinds())
					: this.graph.superviseesOf(ids, first.day(), first.kinds());
			Set<String> others = new HashSet<>();
			edges.values().forEach((list) -> list.forEach((e) -> others.add(into ? e.supervisorId() : e.subjectId())));
			Map<String, String> names = this.cadres.findByIdIn(others)
				.stream()
				.collect(Collectors.toMap(Cadre::id, Cadre::name));
			Map<EdgesKey, List<SupervisionEdge>> result = new LinkedHashMap<>();
			for (EdgesKey key : members) {
				result.put(key,
						edges.getOrDefault(key.cadreId(), List.of())
							.stream()
							.sorted(Comparator.comparing(SupervisionEdge::kind)
								.thenComparing((e) -> names.getOrDefault(into ? e.supervisorId() : e.subjectId(), ""))
								.thenComparing((e) -> into ? e.supervisorId() : e.subjectId()))
							.toList());
			}
			return result;
		});
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
			@Argument List<SupervisionKind> kinds, DataLoader<EdgesKey, List<SupervisionEdge>> supervisorsOf) {
		if (!cadre.visible()) {
			return CompletableFuture.completedFuture(List.of());
		}
		return supervisorsOf.load(new EdgesKey(cadre.id(), day(asOf), kinds(kinds)));
	}

	@SchemaMapping(typeName = "Cadre")
	CompletableFuture<List<SupervisionEdge>> supervisees(CadreNode cadre, @Argument LocalDate asOf,
			@Argument List<SupervisionKind> kinds, DataLoader<EdgesKey, List<SupervisionEdge>> superviseesOf) {
		if (!cadre.visible()) {
			return CompletableFuture.completedFuture(List.of());
		}
		return superviseesOf.load(new EdgesKey(cadre.id(), day(asOf), kinds(kinds)));
	}

	@SchemaMapping(typeName = "Cadre")
	CompletableFuture<Integer> spanOfControl(CadreNode cadre, @Argument LocalDate asOf,
			DataLoader<EdgesKey, List<SupervisionEdge>> superviseesOf) {
		return supervisees(cadre, asOf, null, superviseesOf)
			.thenApply((edges) -> (int) edges.stream().map(SupervisionEdge::subjectId).distinct().count());
	}

	@SchemaMapping(typeName = "Cadre")
	CompletableFuture<List<CadreNode>> supervisionChain(CadreNode cadre, @Argument LocalDate asOf,
			DataLoader<ChainKey, List<CadreNode>> chainOf) {
		if (!cadre.visible()) {
			return CompletableFuture.completedFuture(List.of());
		}
		return chainOf.load(new ChainKey(cadre.id(), day(asOf)));
	}

	@SchemaMapping(typeName = "Cadre")
	CompletableFuture<Integer> chainDepth(CadreNode cadre, @Argument LocalDate asOf,
			DataLoader<ChainKey, List<CadreNode>> chainOf) {
		return supervisionChain(cadre, asOf, chainOf).thenApply(List::size);
	}

	/** Everyone below through edges of the kinds, nearest first, one batch per level. */
	@SchemaMapping(typeName = "Cadre")
	List<CadreNode> supervisedTransitively(CadreNode cadre, @Argument LocalDate asOf,
			@Argument List<SupervisionKind> kinds, @Argument Integer first, @ContextValue Viewer viewer) {
		if (!cadre.visible()) {
			return List.of();
		}
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
			for (List<SupervisionEdge> edges : this.graph.superviseesOf(frontier, day, wanted).values()) {
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
		this.cadres.findByIdIn(ordered).forEach((c) -> nodes.put(c.id(), CadreNode.of(c, viewer.scope())));
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
