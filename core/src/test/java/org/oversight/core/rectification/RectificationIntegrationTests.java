package org.oversight.core.rectification;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.oversight.core.common.DomainException;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.Severity;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.MongoIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MongoIntegrationTest
class RectificationIntegrationTests {

	@Autowired
	RectificationService service;

	@Autowired
	Fixtures fixtures;

	Organization county;

	Organization township;

	Rectification task;

	@BeforeEach
	void task() {
		this.county = this.fixtures.org("X", OrgLevel.COUNTY, null);
		this.township = this.fixtures.org("T", OrgLevel.TOWNSHIP, this.county);
		Finding finding = this.fixtures.finding(this.township, null, Severity.GENERAL, LocalDate.of(2026, 1, 5));
		this.task = this.fixtures.task(finding, this.township, LocalDate.of(2026, 3, 31));
	}

	@Test
	void everyMutationBumpsTheVersionAndAStaleOneIsAConflict() {
		assertThat(this.task.version()).isEqualTo(1);
		Rectification progressed = this.service.reportProgress(this.task.id(), "开始整改", 1);
		assertThat(progressed.version()).isEqualTo(2);
		assertThatThrownBy(() -> this.service.reportProgress(this.task.id(), "又一次", 1))
			.isInstanceOf(DomainException.Conflict.class);
		assertThatThrownBy(() -> this.service.submit(this.task.id(), "报告", LocalDate.of(2026, 3, 1), 1))
			.isInstanceOf(DomainException.Conflict.class);
		Rectification unchanged = this.service.get("id", this.task.id());
		assertThat(unchanged.version()).isEqualTo(2);
		assertThat(unchanged.status()).isEqualTo(RectificationStatus.IN_PROGRESS);
		assertThat(unchanged.history()).hasSize(2);
	}

	@Test
	void concurrentWritersNeverLoseAnUpdate() throws Exception {
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		var start = new java.util.concurrent.CountDownLatch(1);
		var results = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
		for (int i = 0; i < 4; i++) {
			int n = i;
			results.add(pool.submit(() -> {
				start.await();
				try {
					this.service.reportProgress(this.task.id(), "进展" + n, 1);
					return true;
				}
				catch (DomainException.Conflict ex) {
					return false;
				}
			}));
		}
		start.countDown();
		int won = 0;
		for (var result : results) {
			won += result.get() ? 1 : 0;
		}
		pool.shutdown();
		assertThat(won).isEqualTo(1);
		Rectification after = this.service.get("id", this.task.id());
		assertThat(after.version()).isEqualTo(2);
		assertThat(after.history()).hasSize(2);
	}

	@Test
	void futureEventDatesAreRejected() {
		Rectification progressed = this.service.reportProgress(this.task.id(), "开始", 1);
		assertThatThrownBy(
				() -> this.service.submit(this.task.id(), "报告", LocalDate.of(2026, 6, 16), progressed.version()))
			.isInstanceOfSatisfying(DomainException.Invalid.class,
					(ex) -> assertThat(ex.field()).isEqualTo("submittedOn"));
	}

	@Test
	void reassignmentAndExtensionStayInTheHistory() {
		Rectification moved = this.service.reassign(this.task.id(), this.county.id(), null, 1);
		assertThat(moved.responsibleOrganizationId()).isEqualTo(this.county.id());
		assertThat(moved.orgPath()).containsExactly(this.county.id());
		Rectification extended = this.service.extendDeadline(this.task.id(), LocalDate.of(2026, 5, 31), "涉及多部门",
				moved.version());
		assertThat(extended.deadline()).isEqualTo(LocalDate.of(2026, 5, 31));
		assertThat(extended.history()).extracting(Rectification.Event::kind)
			.containsExactly(RectificationEventKind.ASSIGNED, RectificationEventKind.REASSIGNED,
					RectificationEventKind.DEADLINE_EXTENDED);
		assertThatThrownBy(
				() -> this.service.reassign(this.task.id(), "000000000000000000000000", null, extended.version()))
			.isInstanceOfSatisfying(DomainException.NotFound.class,
					(ex) -> assertThat(ex.field()).isEqualTo("responsibleOrganizationId"));
	}

	@Test
	void unknownIdsAreNotFound() {
		assertThatThrownBy(() -> this.service.reportProgress("000000000000000000000000", "x", 1))
			.isInstanceOf(DomainException.NotFound.class);
		assertThatThrownBy(() -> this.service.reportProgress("garbage", "x", 1))
			.isInstanceOf(DomainException.NotFound.class);
	}

}
