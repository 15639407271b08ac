package org.oversight.api.finding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;

import org.dataloader.DataLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;

import org.oversight.api.graphql.CadreNode;
import org.oversight.api.graphql.Connection;
import org.oversight.api.graphql.OrgNode;
import org.oversight.api.graphql.RowArguments;
import org.oversight.api.graphql.TalliedCounts;
import org.oversight.api.viewer.Right;
import org.oversight.api.viewer.Viewer;
import org.oversight.api.viewer.Viewers;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.PageRequest;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.FindingFilter;
import org.oversight.core.finding.FindingQueries;
import org.oversight.core.finding.FindingService;
import org.oversight.core.finding.FindingTally;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationService;
import org.oversight.core.rectification.Rectification;
import org.oversight.core.rectification.RectificationQueries;

/** The Finding type, its queries and mutations. */
@Controller
class FindingController {

	private final FindingService service;

	private final FindingQueries queries;

	private final RectificationQueries rectifications;

	private final OrganizationService organizations;

	private final org.oversight.api.security.AuditLog audit;

	private final TalliedCounts tallied;

	FindingController(FindingService service, FindingQueries queries, RectificationQueries rectifications,
			OrganizationService organizations, org.oversight.api.security.AuditLog audit, TalliedCounts tallied) {
		this.tallied = tallied;
		this.service = service;
		this.queries = queries;
		this.rectifications = rectifications;
		this.organizations = organizations;
		this.audit = audit;
	}

	@QueryMapping
	Connection<Finding> findings(@Argument String under, @Argument FindingFilter filter, @Argument Integer first,
			@Argument String after, @Argument FindingQueries.Order orderBy, @ContextValue Viewer viewer) {
		viewer.require(Right.READ);
		PageRequest page = PageRequest.of(first, after);
		Criteria criteria = this.queries.of(viewer.scope(), under, true, filter);
		return Connection.lazy(() -> this.queries.page(criteria, page, orderBy),
				() -> this.tallied.count(viewer, under, FindingTally.of(filter))
					.orElseGet(() -> this.queries.count(criteria)));
	}

	@QueryMapping
	Finding finding(@Argument String id, @ContextValue Viewer viewer) {
		viewer.require(Right.READ);
		List<Finding> found = this.queries
			.byIds(List.of((id != null && org.bson.types.ObjectId.isValid(id)) ? id : "000000000000000000000000"));
		if (found.isEmpty() || !viewer.sees(found.get(0).orgPath())
				|| viewer.scope().recused(found.get(0).subjectId())) {
			return null;
		}
		return found.get(0);
	}

	/**
	 * Asked on every row of a list: arguments read from the environment, the filter bound
	 * once per request ({@link RowArguments}).
	 */
	@SchemaMapping(typeName = "Organization")
	Connection<Finding> findings(OrgNode organization, DataFetchingEnvironment environment) throws BindException {
		FindingFilter filter = RowArguments.bound(environment, "filter", FindingFilter.class);
		Boolean includeDescendants = environment.getArgument("includeDescendants");
		Integer first = environment.getArgument("first");
		String after = environment.getArgument("after");
		Viewer viewer = Viewers.from(environment.getGraphQlContext());
		PageRequest page = PageRequest.of(first, after);
		if (!organization.visible()) {
			return Connection.empty();
		}
		boolean subtree = Boolean.TRUE.equals(includeDescendants);
		Criteria criteria = this.queries.of(viewer.scope(), organization.id(), subtree, filter);
		Criteria others = this.queries.of(viewer.scope(), null, false, filter);
		return Connection.lazy(() -> this.queries.page(criteria, page), () -> this.queries.count(criteria))
			.batchedCount(
					new Connection.CountKey("findings", Finding.class, others, subtree ? "orgPath" : "organizationId",
							organization.id(), subtree ? TalliedCounts.usable(viewer, FindingTally.of(filter)) : null));
	}

	@SchemaMapping(typeName = "Cadre")
	Connection<Finding> findings(CadreNode cadre, @Argument FindingFilter filter, @Argument Integer first,
			@Argument String after, @ContextValue Viewer viewer) {
		PageRequest page = PageRequest.of(first, after);
		if (!cadre.visible()) {
			return Connection.empty();
		}
		Criteria criteria = this.queries.aboutCadre(viewer.scope(), cadre.id(), filter);
		return Connection.lazy(() -> this.queries.page(criteria, page), () -> this.queries.count(criteria));
	}

	@MutationMapping
	Finding registerFinding(@Argument FindingService.RegisterFinding input, @ContextValue Viewer viewer) {
		viewer.require(Right.MANAGE_FINDINGS);
		viewer.requireInScope(this.organizations.get("organizationId", input.organizationId()).path());
		return this.service.register(input);
	}

	@MutationMapping
	Finding correctFinding(@Argument String id, @Argument FindingService.CorrectFinding input,
			@ContextValue Viewer viewer) {
		viewer.require(Right.MANAGE_FINDINGS);
		requireWritable(id, viewer);
		return this.service.correct(id, input);
	}

	@MutationMapping
	Finding dismissFinding(@Argument String id, @Argument String reason, @ContextValue Viewer viewer) {
		viewer.require(Right.MANAGE_FINDINGS);
		requireWritable(id, viewer);
		return this.service.dismiss(id, reason);
	}

	private void requireWritable(String id, Viewer viewer) {
		Finding finding = this.service.get("id", id);
		if (viewer.scope().recused(finding.subjectId())) {
			throw DomainException.notFound("id", "Finding", id);
		}
		viewer.requireInScope(finding.orgPath());
	}

	@SchemaMapping(typeName = "Finding")
	CompletableFuture<OrgNode> organization(Finding finding, DataLoader<String, OrgNode> organizationById) {
		return organizationById.load(finding.organizationId());
	}

	@SchemaMapping(typeName = "Finding")
	CompletableFuture<CadreNode> subject(Finding finding, DataLoader<String, CadreNode> cadreById) {
		return (finding.subjectId() != null) ? cadreById.load(finding.subjectId())
				: CompletableFuture.completedFuture(null);
	}

	/**
	 * Null unless the caller has INFORMANT_ACCESS in scope; every value returned is
	 * audited.
	 */
	@BatchMapping(typeName = "Finding")
	Map<Finding, String> informant(List<Finding> findings, GraphQLContext context) {
		Viewer viewer = Viewers.from(context);
		Map<Finding, String> result = new LinkedHashMap<>();
		if (!viewer.has(Right.READ_INFORMANTS)) {
			findings.forEach((f) -> result.put(f, null));
			return result;
		}
		List<Finding> allowed = findings.stream().filter((f) -> f.hasInformant() && viewer.sees(f.orgPath())).toList();
		Map<String, String> informants = this.service.informants(allowed.stream().map(Finding::id).toList());
		for (Finding finding : findings) {
			String informant = informants.get(finding.id());
			result.put(finding, informant);
			if (informant != null) {
				this.audit.informantRead(viewer.username(), finding.id());
			}
		}
		return result;
	}

	@BatchMapping(typeName = "Finding")
	Map<Finding, List<Rectification>> rectifications(List<Finding> findings, GraphQLContext context) {
		Viewer viewer = Viewers.from(context);
		Map<String, List<Rectification>> byFinding = this.rectifications
			.ofFindings(findings.stream().map(Finding::id).toList(), viewer.scope())
			.stream()
			.sorted(java.util.Comparator.comparing(Rectification::assignedOn).thenComparing(Rectification::id))
			.collect(Collectors.groupingBy(Rectification::findingId));
		Map<Finding, List<Rectification>> result = new LinkedHashMap<>();
		findings.forEach((f) -> result.put(f, byFinding.getOrDefault(f.id(), List.of())));
		return result;
	}

}
