package org.oversight.analytics.render;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.oversight.analytics.Scenario;
import org.oversight.analytics.report.EcologyReport;
import org.oversight.analytics.report.EcologyReportService;
import org.oversight.analytics.report.EcologyReports;
import org.oversight.core.common.Scope;
import org.oversight.core.test.MongoIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored reports rendered with their history and peers, inside the caller's scope. */
@MongoIntegrationTest
class ReportRendererIntegrationTests {

	@Autowired
	Scenario scenario;

	@Autowired
	EcologyReportService service;

	@Autowired
	EcologyReports reports;

	@Autowired
	ReportRenderer renderer;

	Scenario s;

	EcologyReport x1;

	@BeforeEach
	void reports() {
		this.s = this.scenario.build();
		this.service.generate(2024, null);
		this.service.generate(2025, null);
		this.x1 = this.reports.find(this.s.x1.id(), 2025).orElseThrow();
	}

	@Test
	void aDocumentShowsTheTrendAndThePeers() throws IOException {
		ReportView view = this.renderer.view(this.x1, Scope.everything());
		assertThat(view.history).extracting(EcologyReport::year).containsExactly(2024, 2025);
		assertThat(view.peers).extracting(EcologyReport::organizationCode).containsExactlyInAnyOrder("X1", "X2");
		assertThat(view.trendChart).isNotNull();
		assertThat(view.peerChart).isNotNull();
		RenderedReport pdf = this.renderer.render(this.x1, ReportFormat.PDF);
		try (PDDocument document = Loader.loadPDF(pdf.content())) {
			assertThat(new PDFTextStripper().getText(document)).contains("X1党委2025年度政治生态分析研判报告").contains("历年趋势与同级比较");
		}
	}

	@Test
	void aScopedCallerComparesOnlyWithPeersInsideTheScope() {
		ReportView view = this.renderer.view(this.x1, Scope.within(this.s.x1.id()));
		assertThat(view.peers).extracting(EcologyReport::organizationCode).containsExactly("X1");
		assertThat(view.peerChart).as("nothing to compare with").isNull();
		assertThat(this.renderer.render(this.s.x2.id(), 2025, ReportFormat.PDF, Scope.within(this.s.x1.id())))
			.isEmpty();
		assertThat(this.renderer.render(this.s.x1.id(), 2025, ReportFormat.DOCX, Scope.within(this.s.x1.id())))
			.hasValueSatisfying((docx) -> assertThat(docx.content()).isNotEmpty());
	}

}
