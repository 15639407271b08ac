package org.oversight.core.rectification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.oversight.core.common.DomainException;
import org.oversight.core.common.Stamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The task's life cycle, on the aggregate alone. */
class RectificationTests {

	static final LocalDate DEADLINE = LocalDate.of(2026, 3, 31);

	static Rectification task() {
		return Rectification.assign("t1", "f1", null, false, "o1", List.of("o1"), null, RectificationMode.DEADLINE,
				"措施", DEADLINE, LocalDate.of(2026, 1, 10), "tester", Stamp.created(Instant.EPOCH, "tester"));
	}

	@Test
	void goesAssignedInProgressSubmittedVerified() {
		Rectification task = task();
		assertThat(task.status()).isEqualTo(RectificationStatus.ASSIGNED);
		task.reportProgress("开始整改", LocalDate.of(2026, 2, 1), "a");
		assertThat(task.status()).isEqualTo(RectificationStatus.IN_PROGRESS);
		task.reportProgress("继续整改", LocalDate.of(2026, 2, 15), "a");
		task.submit("整改报告", LocalDate.of(2026, 3, 30), "a");
		assertThat(task.status()).isEqualTo(RectificationStatus.SUBMITTED);
		task.verify(true, "同意销号", LocalDate.of(2026, 4, 5), new BigDecimal("1200.5"), "b");
		assertThat(task.status()).isEqualTo(RectificationStatus.VERIFIED);
		assertThat(task.verifiedOn()).isEqualTo(LocalDate.of(2026, 4, 5));
		assertThat(task.fundsRecovered()).isEqualByComparingTo("1200.50");
		assertThat(task.rectifiedOnTime()).isTrue();
		assertThat(task.history()).extracting(Rectification.Event::kind)
			.containsExactly(RectificationEventKind.ASSIGNED, RectificationEventKind.PROGRESS,
					RectificationEventKind.PROGRESS, RectificationEventKind.SUBMITTED, RectificationEventKind.VERIFIED);
	}

	@Test
	void rejectionSendsItBackToInProgressKeepingTheComment() {
		Rectification task = task();
		task.reportProgress("开始", LocalDate.of(2026, 2, 1), "a");
		task.submit("报告", LocalDate.of(2026, 3, 1), "a");
		task.verify(false, "整改不到位", LocalDate.of(2026, 3, 5), null, "b");
		assertThat(task.status()).isEqualTo(RectificationStatus.IN_PROGRESS);
		assertThat(task.history().get(task.history().size() - 1)).satisfies((event) -> {
			assertThat(event.kind()).isEqualTo(RectificationEventKind.REJECTED);
			assertThat(event.note()).isEqualTo("整改不到位");
		});
		task.submit("再次报告", LocalDate.of(2026, 4, 10), "a");
		task.verify(true, null, LocalDate.of(2026, 4, 12), null, "b");
		assertThat(task.submittedOn()).isEqualTo(LocalDate.of(2026, 4, 10));
		assertThat(task.rectifiedOnTime()).as("last submission after the deadline").isFalse();
	}

	@Test
	void everyDisallowedTransitionIsAConflict() {
		Rectification assigned = task();
		assertThatThrownBy(() -> assigned.submit("报告", DEADLINE, "a")).isInstanceOf(DomainException.Conflict.class);
		assertThatThrownBy(() -> assigned.verify(true, null, DEADLINE, null, "a"))
			.isInstanceOf(DomainException.Conflict.class);
		Rectification inProgress = task();
		inProgress.reportProgress("开始", DEADLINE, "a");
		assertThatThrownBy(() -> inProgress.verify(false, null, DEADLINE, null, "a"))
			.isInstanceOf(DomainException.Conflict.class);
		Rectification submitted = task();
		submitted.reportProgress("开始", DEADLINE, "a");
		submitted.submit("报告", DEADLINE, "a");
		assertThatThrownBy(() -> submitted.submit("报告", DEADLINE, "a")).isInstanceOf(DomainException.Conflict.class);
		assertThatThrownBy(() -> submitted.reportProgress("进展", DEADLINE, "a"))
			.isInstanceOf(DomainException.Conflict.class);
		submitted.verify(true, null, DEADLINE, null, "b");
		assertThatThrownBy(() -> submitted.reportProgress("进展", DEADLINE, "a"))
			.isInstanceOf(DomainException.Conflict.class);
		assertThatThrownBy(() -> submitted.verify(true, null, DEADLINE, null, "b"))
			.isInstanceOf(DomainException.Conflict.class);
		assertThatThrownBy(() -> submitted.extendDeadline(DEADLINE.plusDays(9), "理由", DEADLINE, "a"))
			.isInstanceOf(DomainException.Conflict.class);
		assertThatThrownBy(() -> submitted.reassign("o2", List.of("o2"), null, DEADLINE, "a", "改派"))
			.isInstanceOf(DomainException.Conflict.class);
		assertThat(submitted.status()).isEqualTo(RectificationStatus.VERIFIED);
	}

	@Test
	void badInputNamesTheField() {
		Rectification task = task();
		task.reportProgress("开始", DEADLINE, "a");
		assertThatThrownBy(() -> task.submit(" ", DEADLINE, "a")).isInstanceOfSatisfying(DomainException.Invalid.class,
				(ex) -> assertThat(ex.field()).isEqualTo("report"));
		task.submit("报告", DEADLINE, "a");
		assertThatThrownBy(() -> task.verify(true, null, DEADLINE.minusDays(1), null, "b")).isInstanceOfSatisfying(
				DomainException.Invalid.class, (ex) -> assertThat(ex.field()).isEqualTo("decidedOn"));
		assertThatThrownBy(() -> task.verify(true, null, DEADLINE, new BigDecimal("1.005"), "b"))
			.isInstanceOfSatisfying(DomainException.Invalid.class,
					(ex) -> assertThat(ex.field()).isEqualTo("fundsRecovered"));
		assertThatThrownBy(() -> task.verify(true, null, DEADLINE, new BigDecimal("-1"), "b"))
			.isInstanceOf(DomainException.Invalid.class);
		assertThat(task.status()).isEqualTo(RectificationStatus.SUBMITTED);
	}

	@Test
	void deadlineMayOnlyMoveLater() {
		Rectification task = task();
		assertThatThrownBy(() -> task.extendDeadline(DEADLINE, "理由", DEADLINE, "a")).isInstanceOfSatisfying(
				DomainException.Invalid.class, (ex) -> assertThat(ex.field()).isEqualTo("newDeadline"));
		assertThatThrownBy(() -> task.extendDeadline(DEADLINE.plusDays(1), " ", DEADLINE, "a"))
			.isInstanceOfSatisfying(DomainException.Invalid.class, (ex) -> assertThat(ex.field()).isEqualTo("reason"));
		task.extendDeadline(DEADLINE.plusDays(30), "情况复杂", DEADLINE, "a");
		assertThat(task.deadline()).isEqualTo(DEADLINE.plusDays(30));
		assertThat(task.history().get(1).kind()).isEqualTo(RectificationEventKind.DEADLINE_EXTENDED);
		assertThat(task.history().get(1).note()).contains("情况复杂");
	}

	@Test
	void overdueCountsFromTheDayAfterTheDeadline() {
		Rectification task = task();
		assertThat(task.overdueOn(DEADLINE)).isFalse();
		assertThat(task.daysOverdueOn(DEADLINE)).isZero();
		assertThat(task.overdueOn(DEADLINE.plusDays(1))).isTrue();
		assertThat(task.daysOverdueOn(DEADLINE.plusDays(1))).isEqualTo(1);
		assertThat(task.daysOverdueOn(DEADLINE.plusDays(30))).isEqualTo(30);
		task.reportProgress("开始", DEADLINE, "a");
		assertThat(task.daysOverdueOn(DEADLINE.plusDays(2))).isEqualTo(2);
		task.submit("报告", DEADLINE.plusDays(3), "a");
		assertThat(task.overdueOn(DEADLINE.plusDays(10))).as("a submitted task waits on the verifier").isFalse();
		assertThat(task.daysOverdueOn(DEADLINE.plusDays(10))).isZero();
	}

	@Test
	void escalationDaysMustNotDecrease() {
		assertThat(EscalationPolicy.defaults().steps()).containsExactly(
				java.util.Map.entry(ReminderLevel.REMINDER_LETTER, 1),
				java.util.Map.entry(ReminderLevel.ESCALATION, 15), java.util.Map.entry(ReminderLevel.SUMMONS, 30));
		assertThatThrownBy(() -> new EscalationPolicy(5, 3, 30)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new EscalationPolicy(0, 3, 30)).isInstanceOf(IllegalArgumentException.class);
	}

}
