package org.oversight.core.rectification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.common.Page;
import org.oversight.core.common.PageRequest;
import org.oversight.core.common.Scope;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.FindingFilter;
import org.oversight.core.finding.FindingQueries;
import org.oversight.core.finding.Severity;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.MongoIntegrationTest;
import org.oversight.core.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@MongoIntegrationTest
class RectificationQueriesIntegrationTests {

	static final LocalDate TODAY = TestDatabase.TODAY;

	@Autowired
	RectificationQueries queries;

	@Autowired
	FindingQueries findingQueries;

	@Autowired
	RectificationService service;

	@Autowired
	Fixtures fixtures;

	Organization county;

	Organization township;

	@BeforeEach
	void tree() {
		this.county = this.fixtures.org("X", OrgLevel.COUNTY, null);
		this.township = this.fixtures.org("T", OrgLevel.TOWNSHIP, this.county);
	}

	Rectification task(LocalDate deadline) {
		Finding finding = this.fixtures.finding(this.township, null, Severity.GENERAL, LocalDate.of(2026, 1, 1));
		return this.fixtures.task(finding, this.township, deadline);
	}

	Rectification submitted(LocalDate deadline) {
		Rectification t = task(deadline);
		t = this.service.reportProgress(t.id(), "开始", t.version());
		return this.service.submit(t.id(), "报告", LocalDate.of(2026, 2, 1), t.version());
	}

	Rectification verified(LocalDate deadline, LocalDate on) {
		Rectification t = submitted(deadline);
		return this.service.verify(t.id(), true, null, on, null, t.version());
	}

	@Test
	void defaultOrderIsOverdueThenUnverifiedByDeadlineThenVerifiedLatestFirst() {
		Rectification late10 = task(TODAY.minusDays(10));
		Rectification late40 = task(TODAY.minusDays(40));
		Rectification dueSoon = task(TODAY.plusDays(5));
		Rectification submittedOld = submitted(TODAY.minusDays(20));
		Rectification dueToday = task(TODAY);
		Rectification verifiedEarly = verified(TODAY.minusDays(50), LocalDate.of(2026, 3, 1));
		Rectification verifiedLate = verified(TODAY.minusDays(50), LocalDate.of(2026, 4, 1));

		List<String> expected = List.of(late40.id(), late10.id(), submittedOld.id(), dueToday.id(), dueSoon.id(),
				verifiedLate.id(), verifiedEarly.id());
		var all = this.queries.page(this.queries.of(Scope.everything(), null, false, null, TODAY),
				PageRequest.of(50, null), TODAY);
		assertThat(all.items()).extracting(Rectification::id).containsExactlyElementsOf(expected);

		List<String> paged = new ArrayList<>();
		String after = null;
		Page<Rectification> page;
		do {
			page = this.queries.page(this.queries.of(Scope.everything(), null, false, null, TODAY),
					PageRequest.of(2, after), TODAY);
			page.items().forEach((t) -> paged.add(t.id()));
			after = page.endCursor();
		}
		while (page.hasNextPage());
		assertThat(paged).containsExactlyElementsOf(expected);
	}

	@Test
	void filtersAndScopeApply() {
		Rectification late = task(TODAY.minusDays(3));
		task(TODAY.plusDays(3));
		Organization other = this.fixtures.org("Y", OrgLevel.COUNTY, null);
		this.fixtures.task(this.fixtures.finding(other, null, Severity.GENERAL, LocalDate.of(2026, 1, 1)), other,
				TODAY.minusDays(3));
		var overdue = new RectificationFilter(null, true, null, null, null, null, null);
		assertThat(this.queries
			.page(this.queries.of(Scope.within(this.county.id()), null, false, overdue, TODAY),
					PageRequest.of(10, null), TODAY)
			.items()).extracting(Rectification::id).containsExactly(late.id());
		assertThat(this.queries.count(this.queries.of(Scope.everything(), null, false, overdue, TODAY))).isEqualTo(2);
		assertThat(this.queries
			.count(this.queries.of(Scope.within(this.county.id()), this.county.id(), false, null, TODAY)))
			.as("none directly at the county")
			.isZero();
		assertThat(this.queries
			.count(this.queries.of(Scope.within(this.county.id()), this.county.id(), true, null, TODAY))).isEqualTo(2);
	}

	@Test
	void findingsComePrincipalFirstThenBySeverityThenNewest() {
		Cadre principal = this.fixtures.cadre("王伟");
		this.fixtures.appoint(principal, this.township, TeamRole.PRINCIPAL, LocalDate.of(2020, 1, 1));
		Finding generalOld = this.fixtures.finding(this.township, null, Severity.GENERAL, LocalDate.of(2026, 1, 1));
		Finding seriousOld = this.fixtures.finding(this.township, null, Severity.SERIOUS, LocalDate.of(2026, 1, 1));
		Finding generalNew = this.fixtures.finding(this.township, null, Severity.GENERAL, LocalDate.of(2026, 3, 1));
		Finding earlyPrincipal = this.fixtures.finding(this.township, principal, Severity.EARLY_SIGN,
				LocalDate.of(2025, 1, 1));
		var criteria = this.findingQueries.of(Scope.everything(), this.county.id(), true, FindingFilter.none());
		List<String> expected = List.of(earlyPrincipal.id(), seriousOld.id(), generalNew.id(), generalOld.id());
		assertThat(this.findingQueries.page(criteria, PageRequest.of(10, null)).items()).extracting(Finding::id)
			.containsExactlyElementsOf(expected);
		var first = this.findingQueries.page(criteria, PageRequest.of(3, null));
		var second = this.findingQueries.page(criteria, PageRequest.of(3, first.endCursor()));
		assertThat(first.hasNextPage()).isTrue();
		assertThat(second.items()).extracting(Finding::id).containsExactly(generalOld.id());
		assertThat(second.hasNextPage()).isFalse();
		var recused = new Scope(null, principal.id());
		assertThat(this.findingQueries.count(this.findingQueries.of(recused, null, false, null))).isEqualTo(3);
	}

}
