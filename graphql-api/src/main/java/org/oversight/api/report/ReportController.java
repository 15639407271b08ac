package org.oversight.api.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

import org.oversight.analytics.render.ReportFormat;
import org.oversight.analytics.report.EcologyReport;
import org.oversight.analytics.report.EcologyReports;
import org.oversight.analytics.risk.RiskProfile;
import org.oversight.analytics.risk.RiskProfiles;
import org.oversight.api.graphql.CadreNode;
import org.oversight.api.graphql.Connection;
import org.oversight.api.graphql.Loaders;
import org.oversight.api.graphql.OrgNode;
import org.oversight.api.viewer.Right;
import org.oversight.api.viewer.Viewer;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.PageRequest;
import org.oversight.core.job.JobRun;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationService;
import org.oversight.scheduler.SchedulerJobs;

/** Political-ecology reports, their downloads, risk profiles, and generating them. */
@Controller
class ReportController {

	private final EcologyReports reports;

	private final OrganizationService organizations;

	private final DownloadLinks links;

	private final SchedulerJobs jobs;

	ReportController(EcologyReports reports, RiskProfiles risks, OrganizationService organizations, DownloadLinks links,
			SchedulerJobs jobs, BatchLoaderRegistry registry) {
		this.reports = reports;
		this.organizations = organizations;
		this.links = links;
		this.jobs = jobs;
		Loaders.<YearKey, EcologyReport>keyed(registry, "reportOf", (keys, viewer) -> {
			Map<YearKey, EcologyReport> result = new LinkedHashMap<>();
			Loaders.grouped(keys, YearKey::year, (year, members) -> {
				Map<String, EcologyReport> found = reports.byOrganizations(members.stream().map(YearKey::id).toList(),
						year);
				members.forEach((key) -> {
					EcologyReport report = found.get(key.id());
					if (report != null && viewer.sees(report.orgPath())) {
						result.put(key, report);
					}
				});
				return result;
			});
			return result;
		});
		Loaders.<YearKey, RiskProfile>keyed(registry, "riskOf", (keys, viewer) -> {
			Map<YearKey, RiskProfile> result = new LinkedHashMap<>();
			Loaders.grouped(keys, YearKey::year, (year, members) -> {
				Map<String, RiskProfile> found = risks
					.of(members.stream().map(YearKey::id).filter((id) -> !viewer.scope().recused(id)).toList(), year);
				members.forEach((key) -> {
					if (found.containsKey(key.id())) {
						result.put(key, found.get(key.id()));
					}
				});
				return result;
			});
			return result;
		});
	}

	/** An organization's or a cadre's id with a year. */
	record YearKey(String id, int year) {
	}

	@QueryMapping
	Connection<EcologyReport> ecologyReports(@Argument int year, @Argument String under, @Argument Integer first,
			@Argument String after, @ContextValue Viewer viewer) {
		viewer.require(Right.READ);
		PageRequest page = PageRequest.of(first, after);
		if (under != null) {
			Organization root = this.organizations.get("under", under);
			if (!viewer.sees(root.path())) {
				return Connection.empty();
			}
		}
		return Connection.lazy(() -> this.reports.page(viewer.scope(), year, under, page),
				() -> this.reports.count(viewer.scope(), year, under));
	}

	@SchemaMapping(typeName = "Organization")
	CompletableFuture<EcologyReport> ecologyReport(OrgNode organization, @Argument int year,
			DataLoader<YearKey, EcologyReport> reportOf) {
		if (!organization.visible()) {
			return CompletableFuture.completedFuture(null);
		}
		return reportOf.load(new YearKey(organization.id(), year));
	}

	@SchemaMapping(typeName = "Cadre")
	CompletableFuture<RiskProfile> risk(CadreNode cadre, @Argument int year, DataLoader<YearKey, RiskProfile> riskOf,
			@ContextValue Viewer viewer) {
		if (!cadre.visible() || viewer.scope().recused(cadre.id())) {
			return CompletableFuture.completedFuture(null);
		}
		return riskOf.load(new YearKey(cadre.id(), year));
	}

	@SchemaMapping(typeName = "EcologyReport")
	CompletableFuture<OrgNode> organization(EcologyReport report, DataLoader<String, OrgNode> organizationById) {
		return organizationById.load(report.organizationId());
	}

	@SchemaMapping(typeName = "EcologyReport")
	List<EcologyReport.IndicatorValue> indicators(EcologyReport report) {
		return report.applicableIndicators();
	}

	@SchemaMapping(typeName = "EcologyReport")
	String downloadUrl(EcologyReport report, @Argument ReportFormat format, @ContextValue Viewer viewer,
			graphql.GraphQLContext context) {
		// signed for minutes, for the host asked: not an answer to keep
		org.oversight.api.graphql.KeptResponses.notKept(context);
		String path = this.links.link(report.id(), format, viewer.username());
		try {
			return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
				.path(path)
				.toUriString();
		}
		catch (IllegalStateException ex) {
			return path;
		}
	}

	@SchemaMapping(typeName = "RiskProfile")
	CompletableFuture<CadreNode> cadre(RiskProfile profile, DataLoader<String, CadreNode> cadreById) {
		return cadreById.load(profile.cadreId());
	}

	@MutationMapping
	JobRun generateEcologyReports(@Argument int year, @Argument String under, @ContextValue Viewer viewer) {
		viewer.require(Right.GENERATE_REPORTS);
		String root = under;
		if (under != null) {
			viewer.requireInScope(this.organizations.get("under", under).path());
		}
		else if (!viewer.scope().unrestricted()) {
			root = viewer.scopeOrganizationId();
		}
		if (year < 1949) {
			throw DomainException.invalid("year", "is not a year Oversight reports on");
		}
		return this.jobs.generateEcologyReports(year, root);
	}

}
