package org.oversight.analytics.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.oversight.analytics.Scenario;
import org.oversight.analytics.indicator.Figures;
import org.oversight.analytics.indicator.IndicatorModel;
import org.oversight.analytics.indicator.Scoring;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.Page;
import org.oversight.core.common.PageRequest;
import org.oversight.core.common.Scope;
import org.oversight.core.coverage.Coverage;
import org.oversight.core.coverage.CoverageService;
import org.oversight.core.finding.Severity;
import org.oversight.core.organization.OrganizationService;
import org.oversight.core.test.MongoIntegrationTest;
import org.oversight.core.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MongoIntegrationTest
class EcologyReportServiceIntegrationTests {

	@Autowired
	Scenario scenario;

	@Autowired
	EcologyReportService service;

	@Autowired
	EcologyReports reports;

	@Autowired
	IndicatorModel model;

	@Autowired
	CoverageService coverage;

	@Autowired
	OrganizationService organizations;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TestDatabase.MutableClock clock;

	Scenario s;

	@BeforeEach
	void data() {
		this.s = this.scenario.build();
	}

	EcologyReport report(String organizationId, int year) {
		return this.reports.find(organizationId, year).orElseThrow();
	}

	@Test
	void theCitysFiguresAreTheOnesWorkedOutByHand() {
		EcologyReportService.Summary summary = this.service.generate(2025, null);
		assertThat(summary.reports()).isEqualTo(4);
		Figures expected = Figures.builder()
			.organizations(4) // C, X1, X2, T
			.cadres(5) // cityP, x1P, x1M, x2P, tM
			.findings(4) // f1, f2, f4, f5; f3 was dismissed
			.generalFindings(3) // f2, f4, f5
			.seriousFindings(1) // f1
			.principalFindings(2) // f1 about x1P, f5 about cityP
			.petitions(2) // f4, f5
			.dismissedFindings(1) // f3
			.disposedFindings(3) // f1, f2 FIRST; f4 SECOND
			.firstForm(2)
			.secondForm(1)
			.dueTasks(2) // t1 due 2025-06-30, t2 due 2025-11-30
			.dueTasksOnTime(1) // t1
			.tasksInHand(1) // t2
			.overdueTasks(1)
			.overdueDays(31) // 2025-11-30 → 2025-12-31
			.verifiedTasks(1) // t1
			.rectificationDays(122) // 2025-03-01 → 2025-07-01
			.tasksInYear(2)
			.reminderLetters(1) // the sweep of 2025-12-20, day 20 of t2
			.escalations(1)
			.principals(2) // x1P and x2P; cityP has nobody above
			.principalsWithSupervisionTalk(1) // x1P
			.newPrincipals(1) // x2P
			.newPrincipalsWithTimelyTalk(1) // x2P, 14 days after the start
			.teams(4) // four committees with a team on 31 December
			.teamsWithMeeting(2) // C, X1
			.meetings(2)
			.meetingsAttended(1) // X1's, by cityP
			.interferenceRecords(1)
			.vacancies(1) // T
			.build();
		EcologyReport city = report(this.s.city.id(), 2025);
		assertThat(city.figures()).isEqualTo(expected);
		assertThat(city.score()).isEqualTo(Scoring.score(this.model, expected).score());
		assertThat(city.referenceDay()).isEqualTo(LocalDate.of(2025, 12, 31));
		assertThat(city.id()).isEqualTo(this.s.city.id() + ":2025");
		assertThat(city.orgPath()).containsExactly(this.s.city.id());
		assertThat(city.organizationCode()).isEqualTo("C");
		assertThat(city.narrative()).contains("年内发现问题4个").contains("另有1个问题经核查不实");
	}

	@Test
	void subtreesHaveTheirOwnFigures() {
		this.service.generate(2025, null);
		Figures x1 = report(this.s.x1.id(), 2025).figures();
		assertThat(x1.organizations()).isEqualTo(2);
		assertThat(x1.cadres()).isEqualTo(3);
		assertThat(x1.findings()).isEqualTo(3); // f1, f4, f2 of T
		assertThat(x1.vacancies()).isEqualTo(1);
		assertThat(x1.principals()).isEqualTo(1);
		Figures x2 = report(this.s.x2.id(), 2025).figures();
		assertThat(x2.findings()).isZero();
		assertThat(x2.dismissedFindings()).isEqualTo(1);
		assertThat(x2.interferenceRecords()).isEqualTo(1);
		assertThat(x2.newPrincipalsWithTimelyTalk()).isEqualTo(1);
	}

	@Test
	void talkCoverageAgreesWithCoresCoverageService() {
		this.service.generate(2025, null);
		for (var organization : List.of(this.s.city, this.s.x1, this.s.x2, this.s.township)) {
			Coverage expected = this.coverage.coverage(organization, 2025);
			Figures figures = report(organization.id(), 2025).figures();
			assertThat(figures.principals()).as(organization.code()).isEqualTo(expected.principalCount());
			assertThat(figures.principalsWithSupervisionTalk()).isEqualTo(expected.withSupervisionTalk());
			assertThat(figures.newPrincipals()).isEqualTo(expected.newPrincipals());
			assertThat(figures.newPrincipalsWithTimelyTalk()).isEqualTo(expected.withTimelyAppointmentTalk());
			assertThat(figures.vacancies()).isEqualTo(expected.vacancies().size());
		}
	}

	@Test
	void recomputingGivesIdenticalReportsAndWritesNothing() {
		EcologyReportService.Summary first = this.service.generate(2025, null);
		assertThat(first.written()).isEqualTo(4);
		List<org.bson.Document> stored = this.mongo.findAll(org.bson.Document.class, "ecology_reports");
		this.clock.setDate(LocalDate.of(2026, 6, 16));
		EcologyReportService.Summary second = this.service.generate(2025, null);
		assertThat(second.reports()).isEqualTo(4);
		assertThat(second.written()).isZero();
		// byte for byte what was stored, generatedAt included: nothing was rewritten
		assertThat(this.mongo.findAll(org.bson.Document.class, "ecology_reports"))
			.containsExactlyInAnyOrderElementsOf(stored);
	}

	@Test
	void newRecordsChangeTheFiguresOnRecompute() {
		this.service.generate(2025, null);
		this.s.register(this.s.x2, this.s.x2P, org.oversight.core.finding.FindingSource.INSPECTION, Severity.SERIOUS,
				LocalDate.of(2025, 10, 1), null);
		this.service.generate(2025, null);
		assertThat(report(this.s.x2.id(), 2025).figures().seriousFindings()).isEqualTo(1);
		assertThat(report(this.s.city.id(), 2025).figures().seriousFindings()).isEqualTo(2);
		assertThat(this.mongo.getCollection("ecology_reports").countDocuments()).isEqualTo(4);
	}

	@Test
	void peersAreRankedWithinLevelAndParent() {
		this.service.generate(2025, null);
		EcologyReport x1 = report(this.s.x1.id(), 2025);
		EcologyReport x2 = report(this.s.x2.id(), 2025);
		assertThat(x1.peerCount()).isEqualTo(2);
		assertThat(x2.peerCount()).isEqualTo(2);
		EcologyReport better = (x1.score() >= x2.score()) ? x1 : x2;
		EcologyReport worse = (better == x1) ? x2 : x1;
		assertThat(better.rankAmongPeers()).isEqualTo(1);
		assertThat(worse.rankAmongPeers()).isEqualTo((worse.score() == better.score()) ? 1 : 2);
		assertThat(report(this.s.city.id(), 2025).rankAmongPeers()).isEqualTo(1);
		assertThat(report(this.s.city.id(), 2025).peerCount()).isEqualTo(1);
		assertThat(report(this.s.township.id(), 2025).peerCount()).isEqualTo(1);
	}

	@Test
	void aSubtreeRecomputeRewritesOnlyItsReportsButReranksTheirPeers() {
		this.service.generate(2025, null);
		EcologyReport x2Before = report(this.s.x2.id(), 2025);
		// X1's figures get much worse: a second overdue serious finding
		this.clock.setDate(LocalDate.of(2026, 6, 16));
		for (int i = 0; i < 3; i++) {
			this.s.register(this.s.x1, this.s.x1P, org.oversight.core.finding.FindingSource.INSPECTION,
					Severity.SERIOUS, LocalDate.of(2025, 10, 1 + i), null);
		}
		EcologyReportService.Summary summary = this.service.generate(2025, this.s.x1.id());
		assertThat(summary.reports()).isEqualTo(2);
		EcologyReport x1 = report(this.s.x1.id(), 2025);
		EcologyReport x2 = report(this.s.x2.id(), 2025);
		assertThat(x1.generatedAt()).isAfter(x2.generatedAt());
		assertThat(x2.generatedAt()).isEqualTo(x2Before.generatedAt());
		assertThat(x2.score()).isEqualTo(x2Before.score());
		assertThat(x1.score()).isLessThan(x2.score());
		assertThat(x2.rankAmongPeers()).isEqualTo(1);
		assertThat(x1.rankAmongPeers()).isEqualTo(2);
		assertThat(x1.narrative()).contains("排名第2位");
		// the city was not recomputed: still without the new findings
		assertThat(report(this.s.city.id(), 2025).figures().seriousFindings()).isEqualTo(1);
	}

	@Test
	void lastYearsScoreIsCarriedInBothOrders() {
		this.service.generate(2025, null);
		assertThat(report(this.s.city.id(), 2025).previousScore()).isNull();
		this.service.generate(2024, null);
		EcologyReport y2024 = report(this.s.city.id(), 2024);
		EcologyReport y2025 = report(this.s.city.id(), 2025);
		assertThat(y2025.previousScore()).isEqualTo(y2024.score());
		assertThat(y2025.change()).isEqualTo(Scoring.round(y2025.score() - y2024.score(), 1));
		assertThat(y2025.narrative()).contains("较上年（").doesNotContain("上年度无分析研判数据");
		this.service.generate(2025, null);
		assertThat(report(this.s.city.id(), 2025).previousScore()).isEqualTo(y2024.score());
		assertThat(this.reports.history(this.s.city.id())).extracting(EcologyReport::year).containsExactly(2024, 2025);
	}

	@Test
	void pagesAreOrderedByScoreThenCodeInsideTheScope() {
		this.service.generate(2025, null);
		List<EcologyReport> all = this.reports.page(Scope.everything(), 2025, null, PageRequest.firstPage(50)).items();
		assertThat(all).hasSize(4);
		for (int i = 1; i < all.size(); i++) {
			EcologyReport previous = all.get(i - 1);
			EcologyReport current = all.get(i);
			assertThat(previous.score() > current.score() || (previous.score() == current.score()
					&& previous.organizationCode().compareTo(current.organizationCode()) < 0))
				.as("order at " + i)
				.isTrue();
		}
		Page<EcologyReport> first = this.reports.page(Scope.everything(), 2025, null, PageRequest.firstPage(3));
		assertThat(first.hasNextPage()).isTrue();
		Page<EcologyReport> rest = this.reports.page(Scope.everything(), 2025, null,
				new PageRequest(3, first.endCursor()));
		assertThat(rest.items()).containsExactly(all.get(3));
		assertThat(rest.hasNextPage()).isFalse();
		assertThat(this.reports.count(Scope.everything(), 2025, null)).isEqualTo(4);
		assertThat(this.reports.count(Scope.within(this.s.x1.id()), 2025, null)).isEqualTo(2);
		assertThat(this.reports.count(Scope.everything(), 2025, this.s.x2.id())).isEqualTo(1);
		assertThat(this.reports.count(Scope.within(this.s.x1.id()), 2025, this.s.x2.id())).isZero();
		assertThat(this.reports.find(Scope.within(this.s.x1.id()), this.s.x2.id(), 2025)).isEmpty();
		assertThat(this.reports.count(Scope.everything(), 2024, null)).isZero();
	}

	@Test
	void reportsAreLoadedInBatches() {
		this.service.generate(2025, null);
		Map<String, EcologyReport> batch = this.reports
			.byOrganizations(List.of(this.s.x2.id(), "nope", this.s.city.id(), this.s.x2.id()), 2025);
		assertThat(batch.keySet()).containsExactly(this.s.x2.id(), this.s.city.id());
		assertThat(this.reports.byOrganizations(List.of(this.s.city.id()), 2024)).isEmpty();
		assertThat(this.reports.peers(batch.get(this.s.x2.id()))).hasSize(2);
	}

	@Test
	void movingAnOrganizationMovesItsReportsToTheNewPeers() {
		this.service.generate(2025, null);
		this.organizations.move(this.s.township.id(), this.s.x2.id());
		EcologyReport township = report(this.s.township.id(), 2025);
		assertThat(township.parentId()).isEqualTo(this.s.x2.id());
		assertThat(township.orgPath()).containsExactly(this.s.city.id(), this.s.x2.id(), this.s.township.id());
		assertThat(township.rankAmongPeers()).isEqualTo(1);
		assertThat(this.reports.count(Scope.within(this.s.x2.id()), 2025, null)).isEqualTo(2);
	}

	@Test
	void dissolvedOrganizationsLoseTheirReportsForLaterYears() {
		this.service.generate(2025, null);
		assertThat(this.reports.count(Scope.everything(), 2025, null)).isEqualTo(4);
		this.mongo.updateFirst(
				org.springframework.data.mongodb.core.query.Query
					.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(this.s.township.id())),
				new org.springframework.data.mongodb.core.query.Update().set("dissolvedOn", LocalDate.of(2024, 12, 31)),
				"organizations");
		EcologyReportService.Summary summary = this.service.generate(2025, null);
		assertThat(summary.reports()).isEqualTo(3);
		assertThat(summary.removed()).isEqualTo(1);
		assertThat(this.reports.find(this.s.township.id(), 2025)).isEmpty();
	}

	@Test
	void theFutureAndUnknownOrganizationsAreRefused() {
		assertThatThrownBy(() -> this.service.generate(2027, null)).isInstanceOf(DomainException.Invalid.class);
		assertThatThrownBy(() -> this.service.generate(2025, "000000000000000000000000"))
			.isInstanceOf(DomainException.NotFound.class);
	}

}
