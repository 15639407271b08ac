package org.oversight.api.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import org.oversight.api.graphql.CadreNode;
import org.oversight.api.graphql.Connection;
import org.oversight.api.graphql.Loaders;
import org.oversight.api.graphql.OrgNode;
import org.oversight.api.graphql.QueryMemos;
import org.oversight.api.viewer.Right;
import org.oversight.api.viewer.Viewer;
import org.oversight.api.viewer.Viewers;
import org.oversight.core.cadre.ActivePosts;
import org.oversight.core.cadre.Appointment;
import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.common.Check;
import org.oversight.core.common.Memo;
import org.oversight.core.common.PageRequest;
import org.oversight.core.common.Today;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationQueries;
import org.oversight.core.organization.OrganizationService;
import org.oversight.core.organization.Organizations;
import org.oversight.core.supervision.SupervisionGraph;

/** The Organization type, its queries and mutations. */
@Controller
class OrganizationController {

	private final OrganizationService service;

	private final OrganizationQueries queries;

	private final Organizations organizations;

	private final ActivePosts posts;

	private final Loaders loaders;

	private final SupervisionGraph graph;

	private final Today today;

	OrganizationController(OrganizationService service, OrganizationQueries queries, Organizations organizations,
			ActivePosts posts, Loaders loaders, SupervisionGraph graph, Today today,
			org.springframework.graphql.execution.BatchLoaderRegistry registry) {
		registerLoaders(registry, posts);
		this.service = service;
		this.loaders = loaders;
		this.queries = queries;
		this.organizations = organizations;
		this.posts = posts;
		this.graph = graph;
		this.today = today;
	}

	@QueryMapping
	OrgNode organization(@Argument String id, @ContextValue Viewer viewer) {
		viewer.require(Right.READ);
		return visible(this.organizations.findById(validId(id)).orElse(null), viewer);
	}

	@QueryMapping
	OrgNode organizationByCode(@Argument String code, @ContextValue Viewer viewer) {
		viewer.require(Right.READ);
		return visible(this.organizations.findByCode(code).orElse(null), viewer);
	}

	@QueryMapping
	Connection<OrgNode> organizations(@Argument String under, @Argument OrgLevel level, @Argument Integer first,
			@Argument String after, @ContextValue Viewer viewer) {
		viewer.require(Right.READ);
		PageRequest page = PageRequest.of(first, after);
		Criteria criteria = this.queries.subtree(viewer.scope(), under, level);
		return Connection.of(this.queries.page(criteria, page), (o) -> OrgNode.of(o, viewer.scope()),
				() -> this.queries.count(criteria));
	}

	@QueryMapping
	Connection<OrgNode> searchOrganizations(@Argument String text, @Argument Integer first, @Argument String after,
			@ContextValue Viewer viewer) {
		viewer.require(Right.READ);
		Check.text("text", text, 100);
		PageRequest page = PageRequest.of(first, after);
		Criteria criteria = this.queries.search(viewer.scope(), text);
		return Connection.of(this.queries.page(criteria, page), (o) -> OrgNode.of(o, viewer.scope()),
				() -> this.queries.count(criteria));
	}

	@QueryMapping
	BlindSpotsView blindSpots(@Argument String organizationId, @Argument LocalDate asOf, @ContextValue Viewer viewer,
			GraphQLContext context) {
		viewer.require(Right.READ);
		Memo memo = QueryMemos.of(context);
		Organization root = inScope("organizationId", organizationId, viewer, memo);
		LocalDate day = (asOf != null) ? asOf : this.today.date();
		var spots = this.graph.blindSpots(root, day, memo);
		Map<String, Cadre> cadres = this.loaders.cadres(spots.principalsWithoutSupervisor(), memo);
		List<CadreNode> unsupervised = spots.principalsWithoutSupervisor()
			.stream()
			.map(cadres::get)
			.filter(java.util.Objects::nonNull)
			.map((c) -> CadreNode.of(c, viewer.scope()))
			.toList();
		return new BlindSpotsView(OrgNode.of(root, viewer.scope()), day,
				spots.vacancies().stream().map((o) -> OrgNode.of(o, viewer.scope())).toList(), unsupervised);
	}

	record BlindSpotsView(OrgNode organization, LocalDate asOf, List<OrgNode> vacancies,
			List<CadreNode> principalsWithoutSupervisor) {
	}

	@QueryMapping
	Connection<OrgNode> teamsWithoutDisciplineSecretary(@Argument String under, @Argument LocalDate asOf,
			@Argument Integer first, @Argument String after, @ContextValue Viewer viewer) {
		viewer.require(Right.READ);
		PageRequest page = PageRequest.of(first, after);
		LocalDate day = (asOf != null) ? asOf : this.today.date();
		Criteria subtree = this.queries.subtree(viewer.scope(), under, null);
		List<Organization> all = this.queries.find(subtree, Sort.by("code"))
			.stream()
			.filter((o) -> o.existsOn(day))
			.toList();
		Set<String> withSecretary = new HashSet<>();
		Set<String> withTeam = new HashSet<>();
		for (Appointment post : this.posts.inOrganizations(all.stream().map(Organization::id).toList(), day)) {
			withTeam.add(post.organizationId());
			if (post.role() == TeamRole.DISCIPLINE_SECRETARY) {
				withSecretary.add(post.organizationId());
			}
		}
		List<OrgNode> lacking = all.stream()
			.filter((o) -> withTeam.contains(o.id()) && !withSecretary.contains(o.id()))
			.map((o) -> OrgNode.of(o, viewer.scope()))
			.toList();
		return org.oversight.api.graphql.ListPages.page(lacking, page, OrgNode::id);
	}

	@MutationMapping
	OrgNode createOrganization(@Argument OrganizationService.CreateOrganization input, @ContextValue Viewer viewer) {
		viewer.require(Right.MANAGE_ORGANIZATIONS);
		if (input.parentId() == null) {
			if (!viewer.scope().unrestricted()) {
				throw new org.oversight.core.common.DomainException.Forbidden(
						"A scoped account cannot create a top-level organization");
			}
		}
		else {
			Organization parent = this.service.get("parentId", input.parentId());
			viewer.requireInScope(parent.path());
		}
		return OrgNode.of(this.service.create(input), viewer.scope());
	}

	@MutationMapping
	OrgNode moveOrganization(@Argument String id, @Argument String newParentId, @ContextValue Viewer viewer) {
		viewer.require(Right.MANAGE_ORGANIZATIONS);
		Organization moved = this.service.get("id", id);
		viewer.requireInScope(moved.path());
		if (moved.id().equals(viewer.scopeOrganizationId())) {
			throw new org.oversight.core.common.DomainException.Forbidden("Cannot move the root of your own scope");
		}
		viewer.requireInScope(this.service.get("newParentId", newParentId).path());
		return OrgNode.of(this.service.move(id, newParentId), viewer.scope());
	}

	@MutationMapping
	OrgNode dissolveOrganization(@Argument String id, @Argument LocalDate on, @ContextValue Viewer viewer) {
		viewer.require(Right.MANAGE_ORGANIZATIONS);
		viewer.requireInScope(this.service.get("id", id).path());
		return OrgNode.of(this.service.dissolve(id, on), viewer.scope());
	}

	@BatchMapping(typeName = "Organization")
	Map<OrgNode, OrgNode> parent(List<OrgNode> nodes, GraphQLContext context) {
		Viewer viewer = Viewers.from(context);
		Set<String> ids = nodes.stream()
			.filter(OrgNode::visible)
			.map(OrgNode::parentId)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet());
		Map<String, OrgNode> parents = byId(ids, viewer);
		Map<OrgNode, OrgNode> result = new LinkedHashMap<>();
		nodes.forEach((node) -> result.put(node, node.visible() ? parents.get(node.parentId()) : null));
		return result;
	}

	@BatchMapping(typeName = "Organization")
	Map<OrgNode, List<OrgNode>> children(List<OrgNode> nodes, GraphQLContext context) {
		Viewer viewer = Viewers.from(context);
		List<String> ids = nodes.stream().filter(OrgNode::visible).map(OrgNode::id).toList();
		Map<String, List<OrgNode>> byParent = this.queries.childrenOf(ids)
			.stream()
			.map((o) -> OrgNode.of(o, viewer.scope()))
			.filter(OrgNode::visible)
			.collect(Collectors.groupingBy(OrgNode::parentId, LinkedHashMap::new, Collectors.toList()));
		Map<OrgNode, List<OrgNode>> result = new LinkedHashMap<>();
		nodes.forEach((node) -> result.put(node, byParent.getOrDefault(node.id(), List.of())));
		return result;
	}

	@BatchMapping(typeName = "Organization")
	Map<OrgNode, List<OrgNode>> ancestors(List<OrgNode> nodes, GraphQLContext context) {
		Viewer viewer = Viewers.from(context);
		Set<String> ids = new HashSet<>();
		nodes.stream().filter(OrgNode::visible).forEach((n) -> ids.addAll(n.path().subList(0, n.path().size() - 1)));
		Map<String, OrgNode> found = byId(ids, viewer);
		Map<OrgNode, List<OrgNode>> result = new LinkedHashMap<>();
		for (OrgNode node : nodes) {
			List<OrgNode> chain = new ArrayList<>();
			if (node.visible()) {
				node.path().subList(0, node.path().size() - 1).forEach((id) -> {
					if (found.containsKey(id)) {
						chain.add(found.get(id));
					}
				});
			}
			result.put(node, chain);
		}
		return result;
	}

	@BatchMapping(typeName = "Organization")
	Map<OrgNode, CadreNode> principal(List<OrgNode> nodes, GraphQLContext context) {
		Viewer viewer = Viewers.from(context);
		List<String> ids = nodes.stream().filter(OrgNode::visible).map(OrgNode::id).toList();
		Memo memo = QueryMemos.of(context);
		Map<String, String> principalOf = new LinkedHashMap<>();
		this.posts.principalsIn(ids, this.today.date(), memo)
			.forEach((a) -> principalOf.putIfAbsent(a.organizationId(), a.cadreId()));
		Map<String, CadreNode> cadres = cadres(principalOf.values(), viewer, memo);
		Map<OrgNode, CadreNode> result = new LinkedHashMap<>();
		nodes.forEach((node) -> result.put(node, cadres.get(principalOf.get(node.id()))));
		return result;
	}

	@BatchMapping(typeName = "Organization")
	Map<OrgNode, List<TeamMember>> team(List<OrgNode> nodes, GraphQLContext context) {
		Viewer viewer = Viewers.from(context);
		List<String> ids = nodes.stream().filter(OrgNode::visible).map(OrgNode::id).toList();
		Memo memo = QueryMemos.of(context);
		List<Appointment> held = this.posts.inOrganizations(ids, this.today.date(), memo);
		Map<String, CadreNode> cadres = cadres(held.stream().map(Appointment::cadreId).toList(), viewer, memo);
		Map<String, List<TeamMember>> byOrg = held.stream()
			.sorted(Comparator.comparing((Appointment a) -> a.role().teamOrder())
				.thenComparing(Appointment::start)
				.thenComparing(Appointment::id))
			.collect(Collectors.groupingBy(Appointment::organizationId, LinkedHashMap::new,
					Collectors.mapping((a) -> new TeamMember(cadres.get(a.cadreId()), a.role(), a.title(), a.start()),
							Collectors.toList())));
		Map<OrgNode, List<TeamMember>> result = new LinkedHashMap<>();
		nodes.forEach((node) -> result.put(node, byOrg.getOrDefault(node.id(), List.of())));
		return result;
	}

	record TeamMember(CadreNode cadre, TeamRole role, String title, LocalDate since) {
	}

	/**
	 * Asked on every row of a list: its argument and loader read from the environment.
	 */
	@SchemaMapping(typeName = "Organization")
	CompletableFuture<Boolean> vacant(OrgNode node, DataFetchingEnvironment environment) {
		if (!node.visible()) {
			return CompletableFuture.completedFuture(false);
		}
		LocalDate asOf = environment.getArgument("asOf");
		DataLoader<DayKey, Boolean> vacancy = environment.getDataLoader("vacancy");
		return vacancy.load(new DayKey(node.id(), (asOf != null) ? asOf : this.today.date()));
	}

	/** An organization on a day. */
	record DayKey(String id, LocalDate day) {
	}

	private static void registerLoaders(org.springframework.graphql.execution.BatchLoaderRegistry registry,
			ActivePosts posts) {
		Loaders.<DayKey, Boolean>keyed(registry, "vacancy",
				(keys, viewer, memo) -> Loaders.grouped(keys, DayKey::day, (day, members) -> {
					Set<String> filled = posts.principalsIn(members.stream().map(DayKey::id).toList(), day, memo)
						.stream()
						.map(Appointment::organizationId)
						.collect(Collectors.toSet());
					Map<DayKey, Boolean> result = new LinkedHashMap<>();
					members.forEach((key) -> result.put(key, !filled.contains(key.id())));
					return result;
				}));
	}

	private Map<String, OrgNode> byId(Set<String> ids, Viewer viewer) {
		return this.queries.byIds(ids)
			.stream()
			.collect(Collectors.toMap(Organization::id, (o) -> OrgNode.of(o, viewer.scope())));
	}

	private Map<String, CadreNode> cadres(java.util.Collection<String> ids, Viewer viewer, Memo memo) {
		Map<String, CadreNode> nodes = new LinkedHashMap<>();
		this.loaders.cadres(Set.copyOf(ids), memo).forEach((id, c) -> nodes.put(id, CadreNode.of(c, viewer.scope())));
		return nodes;
	}

	/** {@link #inScope(String, String, Viewer)}, read through the query's memo. */
	private Organization inScope(String field, String id, Viewer viewer, Memo memo) {
		Organization organization = this.queries.byIds(List.of(validId(id)), memo).get(validId(id));
		if (organization == null || !viewer.sees(organization.path())) {
			throw org.oversight.core.common.DomainException.notFound(field, "Organization", id);
		}
		return organization;
	}

	private Organization inScope(String field, String id, Viewer viewer) {
		Organization organization = this.service.get(field, id);
		if (!viewer.sees(organization.path())) {
			throw org.oversight.core.common.DomainException.notFound(field, "Organization", id);
		}
		return organization;
	}

	private static OrgNode visible(Organization organization, Viewer viewer) {
		if (organization == null || !viewer.sees(organization.path())) {
			return null;
		}
		return OrgNode.of(organization, viewer.scope());
	}

	private static String validId(String id) {
		return (id != null && org.bson.types.ObjectId.isValid(id)) ? id : "000000000000000000000000";
	}

}
