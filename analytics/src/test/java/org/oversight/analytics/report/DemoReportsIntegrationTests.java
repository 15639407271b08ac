package org.oversight.analytics.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import org.oversight.analytics.indicator.Grade;
import org.oversight.analytics.render.RenderedReport;
import org.oversight.analytics.render.ReportFormat;
import org.oversight.analytics.render.ReportRenderer;
import org.oversight.analytics.risk.RiskProfile;
import org.oversight.analytics.risk.RiskProfiles;
import org.oversight.core.common.Actor;
import org.oversight.core.common.PageRequest;
import org.oversight.core.common.Scope;
import org.oversight.core.coverage.Coverage;
import org.oversight.core.coverage.CoverageService;
import org.oversight.core.demo.DemoDataLoader;
import org.oversight.core.demo.DemoProvince;
import org.oversight.core.organization.Organization;
import org.oversight.core.test.MongoIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo province (scale 1, about 120 organizations) end to end: reports for three
 * years, sensible spreads of scores and grades, risk profiles of its principals, and the
 * province's report rendered. The rendered documents are left in
 * {@code target/demo-reports/} to look at.
 */
@MongoIntegrationTest
class DemoReportsIntegrationTests {

	@Autowired
	DemoProvince demo;

	@Autowired
	EcologyReportService service;

	@Autowired
	EcologyReports reports;

	@Autowired
	ReportRenderer renderer;

	@Autowired
	RiskProfiles risks;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	CoverageService coverage;

	@Test
	void theDemoProvinceReadsSensibly() throws IOException {
		Actor.as("demo", () -> this.demo.load(1, DemoDataLoader.SEED));
		long organizations = this.mongo.count(new Query(), Organization.class);
		for (int year = 2024; year <= 2026; year++) {
			EcologyReportService.Summary summary = this.service.generate(year, null);
			assertThat(summary.reports()).isEqualTo((int) organizations);
		}
		List<EcologyReport> all = this.reports.page(Scope.everything(), 2025, null, PageRequest.firstPage(500)).items();
		assertThat(all).hasSize((int) organizations);
		assertThat(all).allSatisfy((report) -> {
			assertThat(report.score()).isBetween(0.0, 100.0);
			assertThat(report.narrative()).startsWith("2025年度，" + report.organizationName());
			assertThat(report.previousScore()).isNotNull();
			assertThat(report.rankAmongPeers()).isBetween(1, report.peerCount());
		});
		Map<Grade, Long> grades = all.stream()
			.collect(Collectors.groupingBy(EcologyReport::grade, Collectors.counting()));
		assertThat(grades.keySet()).as("a spread of grades: " + grades).hasSizeGreaterThanOrEqualTo(3);
		Map<String, List<EcologyReport>> groups = all.stream().collect(Collectors.groupingBy(Ranking::group));
		for (List<EcologyReport> group : groups.values()) {
			assertThat(group).allSatisfy((r) -> assertThat(r.peerCount()).isEqualTo(group.size()));
			assertThat(group.stream().mapToInt(EcologyReport::rankAmongPeers).min().orElseThrow()).isEqualTo(1);
		}
		EcologyReport province = this.reports.page(Scope.everything(), 2025, null, PageRequest.firstPage(500))
			.items()
			.stream()
			.filter((r) -> r.organizationCode().equals("P01"))
			.findFirst()
			.orElseThrow();
		assertThat(province.figures().organizations()).isEqualTo(organizations);
		assertThat(province.figures().findings()).isPositive();

		List<String> principals = this.mongo
			.find(Query.query(Criteria.where("role").is("PRINCIPAL")), org.bson.Document.class, "appointments")
			.stream()
			.map((d) -> d.getString("cadreId"))
			.distinct()
			.toList();
		Collection<RiskProfile> profiles = this.risks.of(principals, 2025).values();
		assertThat(profiles).isNotEmpty();
		assertThat(profiles.stream().map(RiskProfile::grade).distinct().count()).isGreaterThanOrEqualTo(2);

		Path folder = Path.of("target", "demo-reports");
		Files.createDirectories(folder);
		for (ReportFormat format : ReportFormat.values()) {
			RenderedReport rendered = this.renderer.render(province.organizationId(), 2025, format, Scope.everything())
				.orElseThrow();
			Files.write(folder.resolve(rendered.fileName()), rendered.content());
		}
		RenderedReport pdf = this.renderer.render(province, ReportFormat.PDF);
		try (PDDocument document = Loader.loadPDF(pdf.content())) {
			assertThat(new PDFTextStripper().getText(document)).contains(province.organizationName());
		}
	}

	/**
	 * Core's coverage and the reports' talk figures are computed apart, from the same
	 * rules: for every organization of the demo province and two years they agree.
	 */
	@Test
	void coverageOfEveryOrganizationAgreesWithItsReport() {
		Actor.as("demo", () -> this.demo.load(1, DemoDataLoader.SEED));
		List<Organization> all = this.mongo.findAll(Organization.class);
		int judged = 0;
		for (int year = 2024; year <= 2025; year++) {
			this.service.generate(year, null);
			for (Organization organization : all) {
				EcologyReport report = this.reports.find(organization.id(), year).orElse(null);
				if (report == null) {
					continue;
				}
				Coverage coverage = this.coverage.coverage(organization, year);
				String as = organization.code() + " " + year;
				assertThat(coverage.principalCount()).as(as).isEqualTo(report.figures().principals());
				assertThat(coverage.withSupervisionTalk()).as(as)
					.isEqualTo(report.figures().principalsWithSupervisionTalk());
				assertThat(coverage.newPrincipals()).as(as).isEqualTo(report.figures().newPrincipals());
				assertThat(coverage.withTimelyAppointmentTalk()).as(as)
					.isEqualTo(report.figures().newPrincipalsWithTimelyTalk());
				judged += coverage.principalCount();
			}
		}
		assertThat(judged).isGreaterThan(500);
	}

}
