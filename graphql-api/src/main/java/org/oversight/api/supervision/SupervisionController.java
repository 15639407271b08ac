package org.oversight.api.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import org.bson.types.ObjectId;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import org.oversight.api.graphql.CadreNode;
import org.oversight.api.graphql.Connection;
import org.oversight.api.graphql.ListPages;
import org.oversight.api.graphql.Loaders;
import org.oversight.api.graphql.OrgNode;
import org.oversight.api.graphql.QueryMemos;
import org.oversight.api.viewer.Right;
import org.oversight.api.viewer.Viewer;
import org.oversight.core.cadre.ActivePosts;
import org.oversight.core.cadre.Appointment;
import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.CadreService;
import org.oversight.core.cadre.Cadres;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.Memo;
import org.oversight.core.common.PageRequest;
import org.oversight.core.common.Today;
import org.oversight.core.coverage.Coverage;
import org.oversight.core.coverage.CoverageService;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationQueries;
import org.oversight.core.organization.OrganizationService;
import org.oversight.core.supervision.StoredSupervision;
import org.oversight.core.supervision.SupervisionEdge;
import org.oversight.core.supervision.SupervisionGraph;
import org.oversight.core.supervision.SupervisionService;

/** The SupervisionEdge and SupervisionCoverage types, stored edges and coverage. */
@Controller
class SupervisionController {

	private final SupervisionService service;

	private final SupervisionGraph graph;

	private final CoverageService coverage;

	private final OrganizationService organizations;

	private final OrganizationQueries organizationQueries;

	private final CadreService cadreService;

	private final Cadres cadres;

	private final ActivePosts posts;

	private final Loaders loaders;

	private final Today today;

	SupervisionController(SupervisionService service, SupervisionGraph graph, CoverageService coverage,
			OrganizationService organizations, OrganizationQueries organizationQueries, CadreService cadreService,
			Cadres cadres, ActivePosts posts, Loaders loaders, Today today) {
		this.loaders = loaders;
		this.service = service;
		this.graph = graph;
		this.coverage = coverage;
		this.organizations = organizations;
		this.organizationQueries = organizationQueries;
		this.cadreService = cadreService;
		this.cadres = cadres;
		this.posts = posts;
		this.today = today;
	}

	@MutationMapping
	SupervisionEdge addSupervision(@Argument SupervisionService.AddSupervision input, @ContextValue Viewer viewer) {
		viewer.require(Right.MANAGE_ORGANIZATIONS);
		Organization organization = this.organizations.get("organizationId", input.organizationId());
		viewer.requireInScope(organization.path());
		return this.service.add(input).toEdge();
	}

	@MutationMapping
	SupervisionEdge endSupervision(@Argument String id, @Argument LocalDate to, @ContextValue Viewer viewer) {
		viewer.require(Right.MANAGE_ORGANIZATIONS);
		StoredSupervision edge = this.service.get("id", id);
		viewer.requireInScope(this.organizations.get("organizationId", edge.organizationId()).path());
		return this.service.end(id, to).toEdge();
	}

	@SchemaMapping(typeName = "SupervisionEdge")
	CompletableFuture<CadreNode> supervisor(SupervisionEdge edge, DataLoader<String, CadreNode> cadreById) {
		return cadreById.load(edge.supervisorId());
	}

	@SchemaMapping(typeName = "SupervisionEdge")
	CompletableFuture<CadreNode> subject(SupervisionEdge edge, DataLoader<String, CadreNode> cadreById) {
		return cadreById.load(edge.subjectId());
	}

	@SchemaMapping(typeName = "SupervisionEdge")
	CompletableFuture<OrgNode> organization(SupervisionEdge edge, DataLoader<String, OrgNode> organizationById) {
		return organizationById.load(edge.organizationId());
	}

	@QueryMapping
	CoverageView supervisionCoverage(@Argument String organizationId, @Argument int year, @ContextValue Viewer viewer,
			GraphQLContext context) {
		viewer.require(Right.READ);
		Memo memo = QueryMemos.of(context);
		Organization root = (organizationId != null && ObjectId.isValid(organizationId))
				? this.organizationQueries.byIds(List.of(organizationId), memo).get(organizationId) : null;
		if (root == null || !viewer.sees(root.path())) {
			throw DomainException.notFound("organizationId", "Organization", organizationId);
		}
		if (year < 1949 || year > this.today.date().getYear()) {
			throw DomainException.invalid("year", "must be between 1949 and this year");
		}
		return new CoverageView(this.coverage.coverage(root, year, memo), viewer, memo);
	}

	/** Coverage as the API shows it. */
	final class CoverageView {

		private final Coverage coverage;

		private final Viewer viewer;

		private final Memo memo;

		CoverageView(Coverage coverage, Viewer viewer, Memo memo) {
			this.coverage = coverage;
			this.viewer = viewer;
			this.memo = memo;
		}

		public OrgNode getOrganization() {
			return OrgNode.of(this.coverage.organization(), this.viewer.scope());
		}

		public int getYear() {
			return this.coverage.year();
		}

		public int getPrincipals() {
			return this.coverage.principalCount();
		}

		public int getWithSupervisionTalk() {
			return this.coverage.withSupervisionTalk();
		}

		public int getNewPrincipals() {
			return this.coverage.newPrincipals();
		}

		public int getWithTimelyAppointmentTalk() {
			return this.coverage.withTimelyAppointmentTalk();
		}

		Connection<CadreNode> uncovered(PageRequest page) {
			List<String> ids = this.coverage.uncovered().stream().map(Coverage.CountedPrincipal::cadreId).toList();
			return ListPages.pageOfKeys(ids, page, (pageIds) -> {
				Map<String, CadreNode> nodes = new java.util.HashMap<>();
				SupervisionController.this.loaders.cadres(pageIds, this.memo)
					.forEach((id, cadre) -> nodes.put(id, CadreNode.of(cadre, this.viewer.scope())));
				return nodes;
			});
		}

		Connection<OrgNode> vacancies(PageRequest page) {
			List<OrgNode> nodes = this.coverage.vacancies()
				.stream()
				.map((o) -> OrgNode.of(o, this.viewer.scope()))
				.toList();
			return ListPages.page(nodes, page, OrgNode::id);
		}

	}

	@SchemaMapping(typeName = "SupervisionCoverage")
	Connection<CadreNode> uncovered(CoverageView coverage, @Argument Integer first, @Argument String after) {
		return coverage.uncovered(PageRequest.of(first, after));
	}

	@SchemaMapping(typeName = "SupervisionCoverage")
	Connection<OrgNode> vacancies(CoverageView coverage, @Argument Integer first, @Argument String after) {
		return coverage.vacancies(PageRequest.of(first, after));
	}

	@QueryMapping
	List<SpanOfControl> wideSpans(@Argument String under, @Argument LocalDate asOf, @Argument Integer atLeast,
			@Argument Integer first, @ContextValue Viewer viewer) {
		viewer.require(Right.READ);
		int threshold = (atLeast != null) ? atLeast : 15;
		int limit = PageRequest.of(first, null).first();
		LocalDate day = (asOf != null) ? asOf : this.today.date();
		String root = (under != null) ? under : viewer.scopeOrganizationId();
		if (root != null) {
			Organization organization = this.organizations.get("under", root);
			if (!viewer.sees(organization.path())) {
				return List.of();
			}
		}
		List<Appointment> principals = (root != null) ? this.posts.principalsInSubtree(root, day)
				: this.posts.allPrincipals(day);
		List<String> ids = principals.stream().map(Appointment::cadreId).distinct().toList();
		Map<String, List<SupervisionEdge>> edges = this.graph.superviseesOf(ids, day, null);
		Map<String, String> postOf = new java.util.HashMap<>();
		principals.forEach((a) -> postOf.putIfAbsent(a.cadreId(), a.organizationId()));
		List<Map.Entry<String, Integer>> spans = new ArrayList<>();
		edges.forEach((cadre, list) -> {
			int span = (int) list.stream().map(SupervisionEdge::subjectId).distinct().count();
			if (span >= threshold) {
				spans.add(Map.entry(cadre, span));
			}
		});
		spans.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey));
		List<Map.Entry<String, Integer>> top = spans.stream().limit(limit).toList();
		Map<String, Cadre> cadresById = this.cadres.findByIdIn(top.stream().map(Map.Entry::getKey).toList())
			.stream()
			.collect(Collectors.toMap(Cadre::id, (c) -> c));
		Map<String, Organization> orgs = this.organizationQueries
			.byIds(top.stream().map((e) -> postOf.get(e.getKey())).toList())
			.stream()
			.collect(Collectors.toMap(Organization::id, (o) -> o));
		return top.stream()
			.map((e) -> new SpanOfControl(CadreNode.of(cadresById.get(e.getKey()), viewer.scope()), e.getValue(),
					OrgNode.of(orgs.get(postOf.get(e.getKey())), viewer.scope())))
			.sorted(Comparator.comparing(SpanOfControl::span).reversed())
			.toList();
	}

	record SpanOfControl(CadreNode cadre, int span, OrgNode organization) {
	}

}
