package org.oversight.analytics.render;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import org.oversight.analytics.indicator.IndicatorModel;
import org.oversight.analytics.report.EcologyReport;
import org.oversight.analytics.report.EcologyReports;
import org.oversight.core.common.Scope;
import org.oversight.core.common.Today;

/**
 * Renders a stored report as a document to download: DOCX (Apache POI) or PDF
 * (openhtmltopdf on PDFBox), with charts of the dimension scores, the score over the
 * years and the comparison with peers (JFreeChart), and correct Chinese everywhere (the
 * shipped WenQuanYi Micro Hei font). Pass the caller's scope: peers outside it are left
 * out of the comparison.
 */
@Component
public class ReportRenderer {

	private final EcologyReports reports;

	private final IndicatorModel model;

	private final Today today;

	ReportRenderer(EcologyReports reports, IndicatorModel model, Today today) {
		this.reports = reports;
		this.model = model;
		this.today = today;
	}

	/**
	 * Renders the report for a caller who sees everything, reading its history and peers
	 * (two queries).
	 */
	public RenderedReport render(EcologyReport report, ReportFormat format) {
		return render(report, format, Scope.everything());
	}

	/**
	 * Renders the report for a caller with the given scope: the peer comparison shows
	 * only the peers inside the scope (the report's rank and peer count stay as
	 * computed).
	 */
	public RenderedReport render(EcologyReport report, ReportFormat format, Scope scope) {
		return render(view(report, scope), format);
	}

	/** What a document shows of the report for a caller with the scope. */
	ReportView view(EcologyReport report, Scope scope) {
		List<EcologyReport> history = this.reports.history(report.organizationId())
			.stream()
			.filter((r) -> r.year() <= report.year())
			.toList();
		List<EcologyReport> peers = this.reports.peers(report)
			.stream()
			.filter((peer) -> peer.id().equals(report.id()) || scope.contains(peer.orgPath()))
			.toList();
		return new ReportView(report, history, peers, this.model, this.today.zone());
	}

	/**
	 * Renders the report of an organization and year if there is one inside the scope;
	 * empty otherwise.
	 */
	public Optional<RenderedReport> render(String organizationId, int year, ReportFormat format, Scope scope) {
		return this.reports.find(scope, organizationId, year).map((report) -> render(report, format, scope));
	}

	static RenderedReport render(ReportView view, ReportFormat format) {
		byte[] content = switch (format) {
			case PDF -> PdfWriter.write(view);
			case DOCX -> DocxWriter.write(view);
		};
		return new RenderedReport(content, format, view.fileName(format), view.title());
	}

}
