package org.oversight.scheduler.report;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import org.oversight.analytics.report.EcologyReportService;

/**
 * The scheduler's report port served by the analytics module's one-pass generation.
 * Switched off with {@code oversight.scheduler.analytics-reports=false} (tests of the
 * missing-adapter path do).
 */
@Component
@ConditionalOnProperty(name = "oversight.scheduler.analytics-reports", havingValue = "true", matchIfMissing = true)
class AnalyticsReportGeneration implements ReportGeneration {

	private final EcologyReportService reports;

	AnalyticsReportGeneration(EcologyReportService reports) {
		this.reports = reports;
	}

	@Override
	public Summary generate(int year, String underOrganizationId) {
		EcologyReportService.Summary summary = this.reports.generate(year, underOrganizationId);
		return new Summary(summary.reports(), summary.millis());
	}

	@Override
	public Split split(int partitions) {
		EcologyReportService.Split split = this.reports.split(partitions);
		return new Split(split.partitions(), split.tops());
	}

	@Override
	public Summary generatePartition(int year, List<String> roots) {
		EcologyReportService.Summary summary = this.reports.generatePartition(year, roots);
		return new Summary(summary.reports(), summary.millis());
	}

	@Override
	public Summary generateTop(int year, String organizationId) {
		EcologyReportService.Summary summary = this.reports.generateTop(year, organizationId);
		return new Summary(summary.reports(), summary.millis());
	}

}
