package org.oversight.core.finding;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.common.DomainException;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.rectification.Rectification;
import org.oversight.core.rectification.RectificationService;
import org.oversight.core.rectification.RectificationStatus;
import org.oversight.core.rectification.Rectifications;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.MongoIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MongoIntegrationTest
class FindingIntegrationTests {

	@Autowired
	FindingService findings;

	@Autowired
	Findings store;

	@Autowired
	RectificationService rectifications;

	@Autowired
	Rectifications tasks;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MongoTemplate mongo;

	Organization county;

	Cadre principal;

	Cadre deputy;

	@BeforeEach
	void county() {
		this.county = this.fixtures.org("X", OrgLevel.COUNTY, null);
		this.principal = this.fixtures.cadre("王伟");
		this.deputy = this.fixtures.cadre("李强");
		this.fixtures.appoint(this.principal, this.county, TeamRole.PRINCIPAL, LocalDate.of(2025, 1, 1));
		this.fixtures.appoint(this.deputy, this.county, TeamRole.DEPUTY, LocalDate.of(2020, 1, 1));
	}

	@Test
	void concernsPrincipalIsFixedFromTheAppointmentsOnTheReportedDate() {
		assertThat(this.fixtures.finding(this.county, this.principal, Severity.GENERAL, LocalDate.of(2025, 3, 1))
			.concernsPrincipal()).isTrue();
		assertThat(this.fixtures.finding(this.county, this.principal, Severity.GENERAL, LocalDate.of(2024, 12, 31))
			.concernsPrincipal()).as("before the appointment").isFalse();
		assertThat(this.fixtures.finding(this.county, this.deputy, Severity.GENERAL, LocalDate.of(2025, 3, 1))
			.concernsPrincipal()).isFalse();
		assertThat(this.fixtures.finding(this.county, null, Severity.GENERAL, LocalDate.of(2025, 3, 1))
			.concernsPrincipal()).isFalse();
	}

	@Test
	void theInformantIsStoredApartFromTheFinding() {
		Finding finding = this.findings.register(
				new FindingService.RegisterFinding(FindingSource.PETITION, FindingCategory.INTEGRITY, Severity.SERIOUS,
						"收受礼金", this.county.id(), this.principal.id(), LocalDate.of(2026, 5, 1), null, "张三"));
		assertThat(finding.hasInformant()).isTrue();
		assertThat(this.mongo.getCollection("findings").find().first().toJson()).doesNotContain("张三");
		assertThat(this.findings.informants(List.of(finding.id()))).containsEntry(finding.id(), "张三");
	}

	@Test
	void invalidFindingsNameTheFieldAndStoreNothing() {
		assertThatThrownBy(() -> this.findings
			.register(new FindingService.RegisterFinding(FindingSource.PETITION, FindingCategory.INTEGRITY,
					Severity.SERIOUS, "  ", this.county.id(), null, LocalDate.of(2026, 5, 1), null, null)))
			.isInstanceOfSatisfying(DomainException.Invalid.class,
					(ex) -> assertThat(ex.field()).isEqualTo("description"));
		assertThatThrownBy(() -> this.findings
			.register(new FindingService.RegisterFinding(FindingSource.PETITION, FindingCategory.INTEGRITY,
					Severity.SERIOUS, "问题", this.county.id(), "bad-id", LocalDate.of(2026, 5, 1), null, "张三")))
			.isInstanceOfSatisfying(DomainException.NotFound.class,
					(ex) -> assertThat(ex.field()).isEqualTo("subjectId"));
		assertThatThrownBy(() -> this.findings.register(new FindingService.RegisterFinding(FindingSource.PETITION,
				FindingCategory.INTEGRITY, null, "问题", this.county.id(), null, LocalDate.of(2026, 5, 1), null, null)))
			.isInstanceOfSatisfying(DomainException.Invalid.class,
					(ex) -> assertThat(ex.field()).isEqualTo("severity"));
		assertThat(this.store.count()).isZero();
		assertThat(this.mongo.getCollection("finding_informants").countDocuments()).isZero();
	}

	@Test
	void statusFollowsTheTasks() {
		Finding finding = this.fixtures.finding(this.county, this.deputy, Severity.GENERAL, LocalDate.of(2026, 1, 5));
		assertThat(finding.status()).isEqualTo(FindingStatus.OPEN);
		Rectification first = this.fixtures.task(finding, this.county, LocalDate.of(2026, 3, 1));
		Rectification second = this.fixtures.task(finding, this.county, LocalDate.of(2026, 4, 1));
		assertThat(this.findings.get("id", finding.id()).status()).isEqualTo(FindingStatus.UNDER_RECTIFICATION);
		verify(first);
		assertThat(this.findings.get("id", finding.id()).status()).isEqualTo(FindingStatus.UNDER_RECTIFICATION);
		verify(second);
		assertThat(this.findings.get("id", finding.id()).status()).isEqualTo(FindingStatus.RECTIFIED);
		this.fixtures.task(finding, this.county, LocalDate.of(2026, 7, 1));
		assertThat(this.findings.get("id", finding.id()).status()).isEqualTo(FindingStatus.UNDER_RECTIFICATION);
	}

	private void verify(Rectification task) {
		Rectification t = this.rectifications.reportProgress(task.id(), "整改中", task.version());
		t = this.rectifications.submit(t.id(), "整改报告", LocalDate.of(2026, 2, 1), t.version());
		t = this.rectifications.verify(t.id(), true, null, LocalDate.of(2026, 2, 3), null, t.version());
		assertThat(t.status()).isEqualTo(RectificationStatus.VERIFIED);
	}

	@Test
	void dismissalIsRefusedWhileATaskIsNotVerified() {
		Finding finding = this.fixtures.finding(this.county, this.deputy, Severity.GENERAL, LocalDate.of(2026, 1, 5));
		Rectification task = this.fixtures.task(finding, this.county, LocalDate.of(2026, 3, 1));
		assertThatThrownBy(() -> this.findings.dismiss(finding.id(), "查无实据"))
			.isInstanceOf(DomainException.Conflict.class);
		assertThat(this.findings.get("id", finding.id()).status()).isEqualTo(FindingStatus.UNDER_RECTIFICATION);
		verify(task);
		Finding dismissed = this.findings.dismiss(finding.id(), "查无实据，予以澄清正名");
		assertThat(dismissed.status()).isEqualTo(FindingStatus.DISMISSED);
		assertThat(dismissed.dismissalReason()).isEqualTo("查无实据，予以澄清正名");
		assertThat(dismissed.dismissedOn()).isEqualTo(LocalDate.of(2026, 6, 15));
	}

	@Test
	void aDismissedFindingTakesNoTaskAndNoCorrection() {
		Finding finding = this.fixtures.finding(this.county, this.deputy, Severity.GENERAL, LocalDate.of(2026, 1, 5));
		this.findings.dismiss(finding.id(), "不实举报");
		assertThatThrownBy(() -> this.fixtures.task(finding, this.county, LocalDate.of(2026, 3, 1)))
			.isInstanceOf(DomainException.Conflict.class);
		assertThatThrownBy(() -> this.findings.dismiss(finding.id(), "再次"))
			.isInstanceOf(DomainException.Conflict.class);
		assertThatThrownBy(() -> this.findings.correct(finding.id(),
				new FindingService.CorrectFinding(null, Severity.SERIOUS, null, null)))
			.isInstanceOf(DomainException.Conflict.class);
		assertThat(this.tasks.count()).isZero();
	}

	@Test
	void correctionChangesOnlyWhatIsGiven() {
		Finding finding = this.fixtures.finding(this.county, this.deputy, Severity.GENERAL, LocalDate.of(2026, 1, 5));
		Finding corrected = this.findings.correct(finding.id(),
				new FindingService.CorrectFinding(FindingCategory.PERSONNEL, Severity.SERIOUS, null, null));
		assertThat(corrected.category()).isEqualTo(FindingCategory.PERSONNEL);
		assertThat(corrected.severity()).isEqualTo(Severity.SERIOUS);
		assertThat(corrected.description()).isEqualTo(finding.description());
		assertThatThrownBy(
				() -> this.findings.correct(finding.id(), new FindingService.CorrectFinding(null, null, " ", null)))
			.isInstanceOfSatisfying(DomainException.Invalid.class,
					(ex) -> assertThat(ex.field()).isEqualTo("description"));
		assertThatThrownBy(
				() -> this.findings.correct(finding.id(), new FindingService.CorrectFinding(null, null, null, null)))
			.isInstanceOf(DomainException.Invalid.class);
	}

	@Test
	void deadlineBeforeTheReportedDateIsRejected() {
		Finding finding = this.fixtures.finding(this.county, null, Severity.GENERAL, LocalDate.of(2026, 1, 5));
		assertThatThrownBy(() -> this.fixtures.task(finding, this.county, LocalDate.of(2026, 1, 4)))
			.isInstanceOfSatisfying(DomainException.Invalid.class,
					(ex) -> assertThat(ex.field()).isEqualTo("deadline"));
		assertThat(this.tasks.count()).isZero();
		assertThat(this.findings.get("id", finding.id()).status()).isEqualTo(FindingStatus.OPEN);
	}

}
