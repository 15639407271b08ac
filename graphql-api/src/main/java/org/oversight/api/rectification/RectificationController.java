package org.oversight.api.rectification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;

import org.dataloader.DataLoader;

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
import org.oversight.core.common.Today;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.FindingQueries;
import org.oversight.core.job.JobRuns;
import org.oversight.core.organization.OrganizationService;
import org.oversight.core.rectification.OpenTasks;
import org.oversight.core.rectification.OverdueSweep;
import org.oversight.core.rectification.Rectification;
import org.oversight.core.rectification.RectificationFilter;
import org.oversight.core.rectification.RectificationQueries;
import org.oversight.core.rectification.RectificationService;
import org.oversight.core.rectification.RectificationTally;

/** The Rectification type, its queries and mutations, and the overdue sweep. */
@Controller
class RectificationController {

	static final String SWEEP_JOB = "overdue-sweep";

	private final RectificationService service;

	private final RectificationQueries queries;

	private final FindingQueries findings;

	private final OrganizationService organizations;

	private final OverdueSweep sweep;

	private final JobRuns jobRuns;

	private final Today today;

	private final TalliedCounts tallied;

	private final OpenTasks openTasks;

	RectificationController(RectificationService service, RectificationQueries queries, FindingQueries findings,
			OrganizationService organizations, OverdueSweep sweep, JobRuns jobRuns, Today today, TalliedCounts tallied,
			OpenTasks openTasks) {
		this.openTasks = openTasks;
		this.tallied = tallied;
		this.service = service;
		this.queries = queries;
		this.findings = findings;
		this.organizations = organizations;
		this.sweep = sweep;
		this.jobRuns = jobRuns;
		this.today = today;
	}

	@QueryMapping
	Connection<Rectification> rectifications(@Argument String under, @Argument RectificationFilter filter,
			@Argument Integer first, @Argument String after, @Argument RectificationQueries.Order orderBy,
			@ContextValue Viewer viewer) {
		viewer.require(Right.READ);
		PageRequest page = PageRequest.of(first, after);
		LocalDate day = this.today.date();
		Criteria criteria = this.queries.of(viewer.scope(), under, true, filter, day);
		String root = (under != null) ? under : viewer.scope().organizationId();
		if (root != null && onlyOverdue(filter) && (orderBy == null || orderBy == RectificationQueries.Order.DEFAULT)) {
			// the overdue list: read through the open-task lists where they are built
			return Connection.lazy(
					() -> this.openTasks.overduePage(viewer.scope(), root, page, day)
						.orElseGet(() -> this.queries.page(criteria, page, day, orderBy)),
					() -> this.tallied.count(viewer, under, RectificationTally.of(filter, day))
						.orElseGet(() -> this.queries.count(criteria)));
		}
		return Connection.lazy(() -> this.queries.page(criteria, page, day, orderBy),
				() -> this.tallied.count(viewer, under, RectificationTally.of(filter, day))
					.orElseGet(() -> this.queries.count(criteria)));
	}

	private static boolean onlyOverdue(RectificationFilter filter) {
		return filter != null && Boolean.TRUE.equals(filter.overdue())
				&& filter.equals(new RectificationFilter(filter.status(), true, null, null, null, null, null))
				&& (filter.status() == null || filter.status().isEmpty());
	}

	@QueryMapping
	Rectification rectification(@Argument String id, @ContextValue Viewer viewer) {
		viewer.require(Right.READ);
		List<Rectification> found = this.queries.byIds(List.of(validId(id)));
		if (found.isEmpty() || !viewer.sees(found.get(0).orgPath())
				|| viewer.scope().recused(found.get(0).findingSubjectId())) {
			return null;
		}
		return found.get(0);
	}

	@QueryMapping
	LocalDate today() {
		return this.today.date();
	}

	/**
	 * Asked on every row of a list: arguments read from the environment, the filter bound
	 * once per request ({@link RowArguments}).
	 */
	@SchemaMapping(typeName = "Organization")
	Connection<Rectification> rectifications(OrgNode organization, DataFetchingEnvironment environment)
			throws BindException {
		RectificationFilter filter = RowArguments.bound(environment, "filter", RectificationFilter.class);
		Boolean includeDescendants = environment.getArgument("includeDescendants");
		Integer first = environment.getArgument("first");
		String after = environment.getArgument("after");
		Viewer viewer = Viewers.from(environment.getGraphQlContext());
		if (!organization.visible()) {
			PageRequest.of(first, after);
			return Connection.empty();
		}
		boolean subtree = Boolean.TRUE.equals(includeDescendants);
		Criteria others = this.queries.of(viewer.scope(), null, false, filter, this.today.date());
		return page(this.queries.of(viewer.scope(), organization.id(), subtree, filter, this.today.date()), first,
				after)
			.batchedCount(new Connection.CountKey("rectifications", Rectification.class, others,
					subtree ? "orgPath" : "responsibleOrganizationId", organization.id(),
					subtree ? TalliedCounts.usable(viewer, RectificationTally.of(filter, this.today.date())) : null));
	}

	private Connection<Rectification> page(Criteria criteria, Integer first, String after) {
		PageRequest page = PageRequest.of(first, after);
		LocalDate day = this.today.date();
		return Connection.lazy(() -> this.queries.page(criteria, page, day), () -> this.queries.count(criteria));
	}

	@MutationMapping
	Rectification assignRectification(@Argument RectificationService.AssignRectification input,
			@ContextValue Viewer viewer) {
		viewer.require(Right.MANAGE_FINDINGS);
		Finding finding = findingInScope(input.findingId(), viewer);
		viewer.requireInScope(finding.orgPath());
		viewer.requireInScope(
				this.organizations.get("responsibleOrganizationId", input.responsibleOrganizationId()).path());
		return this.service.assign(input);
	}

	@MutationMapping
	Rectification reportProgress(@Argument String id, @Argument String note, @Argument long version,
			@ContextValue Viewer viewer) {
		writable(id, viewer);
		return this.service.reportProgress(id, note, version);
	}

	@MutationMapping
	Rectification submitRectification(@Argument String id, @Argument String report, @Argument LocalDate submittedOn,
			@Argument long version, @ContextValue Viewer viewer) {
		writable(id, viewer);
		return this.service.submit(id, report, submittedOn, version);
	}

	@MutationMapping
	Rectification verifyRectification(@Argument String id, @Argument boolean accepted, @Argument String comment,
			@Argument LocalDate decidedOn, @Argument BigDecimal fundsRecovered, @Argument long version,
			@ContextValue Viewer viewer) {
		writable(id, viewer);
		return this.service.verify(id, accepted, comment, decidedOn, fundsRecovered, version);
	}

	@MutationMapping
	Rectification extendDeadline(@Argument String id, @Argument LocalDate newDeadline, @Argument String reason,
			@Argument long version, @ContextValue Viewer viewer) {
		writable(id, viewer);
		return this.service.extendDeadline(id, newDeadline, reason, version);
	}

	@MutationMapping
	Rectification reassignRectification(@Argument String id, @Argument String responsibleOrganizationId,
			@Argument String responsibleCadreId, @Argument long version, @ContextValue Viewer viewer) {
		writable(id, viewer);
		viewer.requireInScope(this.organizations.get("responsibleOrganizationId", responsibleOrganizationId).path());
		return this.service.reassign(id, responsibleOrganizationId, responsibleCadreId, version);
	}

	@MutationMapping
	OverdueSweep.Result runOverdueSweep(@Argument LocalDate asOf, @ContextValue Viewer viewer) {
		viewer.require(Right.RUN_SWEEPS);
		if (asOf != null && asOf.isAfter(this.today.date())) {
			throw DomainException.invalid("asOf", "must not be after today (" + this.today.date() + ")");
		}
		return this.jobRuns.record(SWEEP_JOB, (run) -> this.sweep.sweep(asOf, viewer.scopeOrganizationId()),
				(result) -> "examined " + result.examined() + ", overdue " + result.overdue() + ", issued "
						+ (result.remindersIssued() + result.escalations() + result.summonses()),
				(result) -> Map.of("examined", result.examined(), "overdue", result.overdue(), "remindersIssued",
						result.remindersIssued(), "escalations", result.escalations(), "summonses",
						result.summonses()));
	}

	private Finding findingInScope(String id, Viewer viewer) {
		List<Finding> found = this.findings.byIds(List.of(validId(id)));
		if (found.isEmpty() || !viewer.sees(found.get(0).orgPath())
				|| viewer.scope().recused(found.get(0).subjectId())) {
			throw DomainException.notFound("findingId", "Finding", id);
		}
		return found.get(0);
	}

	private void writable(String id, Viewer viewer) {
		viewer.require(Right.MANAGE_FINDINGS);
		Rectification task = this.service.get("id", id);
		if (viewer.scope().recused(task.findingSubjectId())) {
			throw DomainException.notFound("id", "Rectification", id);
		}
		viewer.requireInScope(task.orgPath());
	}

	private static String validId(String id) {
		return (id != null && org.bson.types.ObjectId.isValid(id)) ? id : "000000000000000000000000";
	}

	@BatchMapping(typeName = "Rectification")
	Map<Rectification, Finding> finding(List<Rectification> tasks) {
		Map<String, Finding> byId = this.findings.byIds(tasks.stream().map(Rectification::findingId).toList())
			.stream()
			.collect(Collectors.toMap(Finding::id, (f) -> f));
		Map<Rectification, Finding> result = new LinkedHashMap<>();
		tasks.forEach((t) -> result.put(t, byId.get(t.findingId())));
		return result;
	}

	@SchemaMapping(typeName = "Rectification")
	CompletableFuture<OrgNode> responsibleOrganization(Rectification task,
			DataLoader<String, OrgNode> organizationById) {
		return organizationById.load(task.responsibleOrganizationId());
	}

	@SchemaMapping(typeName = "Rectification")
	CompletableFuture<CadreNode> responsibleCadre(Rectification task, DataLoader<String, CadreNode> cadreById) {
		return (task.responsibleCadreId() != null) ? cadreById.load(task.responsibleCadreId())
				: CompletableFuture.completedFuture(null);
	}

	@SchemaMapping(typeName = "Rectification")
	boolean overdue(Rectification task) {
		return task.overdueOn(this.today.date());
	}

	@SchemaMapping(typeName = "Rectification")
	int daysOverdue(Rectification task) {
		return task.daysOverdueOn(this.today.date());
	}

	@SchemaMapping(typeName = "Rectification")
	boolean rectifiedOnTime(Rectification task) {
		return task.rectifiedOnTime();
	}

	@SchemaMapping(typeName = "Reminder")
	CompletableFuture<OrgNode> issuedTo(Rectification.Reminder reminder, DataLoader<String, OrgNode> organizationById) {
		return organizationById.load(reminder.issuedToId());
	}

}
