package org.oversight.analytics.report;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.oversight.analytics.Scenario;
import org.oversight.core.common.PageRequest;
import org.oversight.core.common.Scope;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.test.MongoIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-built report documents are the ones Spring Data's converter writes, and read
 * back as the same reports; the digest follows the content, not when it was computed.
 */
@MongoIntegrationTest
class ReportDocumentsTests {

	@Autowired
	Scenario scenario;

	@Autowired
	EcologyReportService service;

	@Autowired
	EcologyReports reports;

	@Autowired
	MongoTemplate mongo;

	@Test
	void theDocumentsAreTheConvertersAndReadBackAsTheReports() {
		this.scenario.build();
		this.service.generate(2024, null);
		this.service.generate(2025, null);
		List<EcologyReport> all = this.reports.page(Scope.everything(), 2025, null, PageRequest.firstPage(50)).items();
		assertThat(all).hasSize(4);
		List<EcologyReport> cases = new java.util.ArrayList<>(all);
		// nulls everywhere they may be: no parent, rank, previous score or principal
		cases.add(RankingTests.report("x", null, OrgLevel.CITY, 71.5));
		for (EcologyReport report : cases) {
			Document converted = new Document();
			this.mongo.getConverter().write(report, converted);
			assertThat(ReportDocuments.of(report)).as(report.id()).isEqualTo(converted);
			EcologyReport read = this.mongo.getConverter().read(EcologyReport.class, ReportDocuments.of(report));
			assertThat(read).as(report.id()).isEqualTo(report);
		}
		assertThat(all).anySatisfy((report) -> assertThat(report.previousScore()).isNotNull());
		assertThat(all).anySatisfy((report) -> assertThat(report.parentId()).isNull());
	}

	@Test
	void theDigestFollowsTheContentButNotWhenItWasComputed() {
		EcologyReport report = RankingTests.report("x", "P", OrgLevel.CITY, 71.5);
		String digest = ReportDocuments.digest(ReportDocuments.of(report), "generatedAt");
		EcologyReport later = new EcologyReport(report.id(), report.organizationId(), report.organizationCode(),
				report.organizationName(), report.level(), report.parentId(), report.orgPath(), report.year(),
				report.referenceDay(), report.score(), report.grade(), report.gradeLabel(), report.rankAmongPeers(),
				report.peerCount(), report.previousScore(), report.dimensions(), report.indicators(), report.figures(),
				report.problemsToRectify(), report.followUps(), report.narrative(),
				Instant.parse("2030-01-01T00:00:00Z"));
		assertThat(ReportDocuments.digest(ReportDocuments.of(later), "generatedAt")).isEqualTo(digest);
		assertThat(ReportDocuments.digest(ReportDocuments.of(report.withNarrative("改")), "generatedAt"))
			.isNotEqualTo(digest);
		assertThat(ReportDocuments.digest(ReportDocuments.of(report.withRank(2, 3)), "generatedAt"))
			.isNotEqualTo(digest);
		assertThat(ReportDocuments.digest(ReportDocuments.of(report.withPreviousScore(70.0)), "generatedAt"))
			.isNotEqualTo(digest);
		assertThat(digest).hasSize(64);
	}

	/**
	 * Stored digests stay valid from one version to the next (else a recompute would
	 * rewrite every report once): the digest of a fixed report, with prose longer than
	 * any buffer the digest is fed through, as the first version computed it.
	 */
	@Test
	void theDigestOfAFixedReportDoesNotChange() {
		EcologyReport report = RankingTests.report("x", "P", OrgLevel.CITY, 71.5)
			.withNarrative("政治生态总体良好。".repeat(2_000));
		String digest = ReportDocuments.digest(ReportDocuments.of(report), "generatedAt");
		assertThat(digest).isEqualTo("c91c87b0572658564ca14805520943d16afffcfa616044800214300a68def335");
		List<String> onEveryCore = java.util.stream.IntStream.range(0, 64)
			.parallel()
			.mapToObj((i) -> ReportDocuments.digest(ReportDocuments.of((i % 2 == 0) ? report : report.withRank(i, 64)),
					"generatedAt"))
			.toList();
		for (int i = 0; i < 64; i += 2) {
			assertThat(onEveryCore.get(i)).isEqualTo(digest);
			assertThat(onEveryCore.get(i + 1)).isNotEqualTo(digest);
		}
	}

}
