package org.oversight.analytics.facts;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.oversight.analytics.indicator.Figures;
import org.oversight.core.rectification.RectificationStatus;
import org.oversight.core.rectification.ReminderLevel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one task adds to its organization's figures, for a past year and the current one.
 */
class TaskRowTests {

	static final YearPeriod YEAR_2025 = YearPeriod.of(2025, LocalDate.of(2026, 6, 15));

	static final YearPeriod YEAR_2026 = YearPeriod.of(2026, LocalDate.of(2026, 6, 15));

	static TaskRow task(RectificationStatus status, String deadline, String assigned, String submitted, String verified,
			TaskRow.Step... steps) {
		return new TaskRow("O", status, day(deadline), day(assigned), day(submitted), day(verified), List.of(steps));
	}

	static LocalDate day(String text) {
		return (text != null) ? LocalDate.parse(text) : null;
	}

	@Test
	void aTaskVerifiedAfterASubmissionByItsDeadlineIsOnTime() {
		TaskRow task = task(RectificationStatus.VERIFIED, "2025-06-30", "2025-03-01", "2025-06-30", "2025-07-10");
		Figures figures = task.figures(YEAR_2025);
		assertThat(figures.dueTasks()).isEqualTo(1);
		assertThat(figures.dueTasksOnTime()).isEqualTo(1);
		// verified in the year: 2025-03-01 → 2025-07-10 is 131 days
		assertThat(figures.verifiedTasks()).isEqualTo(1);
		assertThat(figures.rectificationDays()).isEqualTo(131);
		// not in hand on 31 December, but in hand during the year
		assertThat(figures.tasksInHand()).isZero();
		assertThat(figures.tasksInYear()).isEqualTo(1);
	}

	@Test
	void aLateSubmissionIsNotOnTimeEvenWhenVerified() {
		TaskRow task = task(RectificationStatus.VERIFIED, "2025-06-30", "2025-03-01", "2025-07-01", "2025-07-10");
		assertThat(task.figures(YEAR_2025).dueTasksOnTime()).isZero();
		assertThat(task.figures(YEAR_2025).dueTasks()).isEqualTo(1);
	}

	@Test
	void aTaskSubmittedOnTimeButNotYetVerifiedIsNotYetOnTime() {
		TaskRow task = task(RectificationStatus.SUBMITTED, "2025-06-30", "2025-03-01", "2025-06-20", null);
		Figures figures = task.figures(YEAR_2025);
		assertThat(figures.dueTasks()).isEqualTo(1);
		assertThat(figures.dueTasksOnTime()).isZero();
		// in hand on 31 December, but a SUBMITTED task waits on the verifier: not overdue
		assertThat(figures.tasksInHand()).isEqualTo(1);
		assertThat(figures.overdueTasks()).isZero();
	}

	@Test
	void anOpenTaskPastItsDeadlineIsOverdueOnTheReferenceDayWithItsDays() {
		TaskRow task = task(RectificationStatus.IN_PROGRESS, "2025-11-30", "2025-09-01", null, null);
		Figures figures = task.figures(YEAR_2025);
		// 2025-11-30 → 2025-12-31: 31 days overdue
		assertThat(figures.overdueTasks()).isEqualTo(1);
		assertThat(figures.overdueDays()).isEqualTo(31);
		assertThat(figures.dueTasks()).isEqualTo(1);
		assertThat(figures.dueTasksOnTime()).isZero();
	}

	@Test
	void aPastYearCountsATaskSubmittedOnlyAfterItsEndAsOverdueThen() {
		// submitted in 2026: on 31 December 2025 it was still open, 45 days past its
		// deadline (2025-11-16 → 2025-12-31)
		TaskRow task = task(RectificationStatus.VERIFIED, "2025-11-16", "2025-09-01", "2026-01-10", "2026-01-20");
		Figures figures = task.figures(YEAR_2025);
		assertThat(figures.tasksInHand()).isEqualTo(1);
		assertThat(figures.overdueTasks()).isEqualTo(1);
		assertThat(figures.overdueDays()).isEqualTo(45);
		// verified in 2026, so it counts for 2026's time to rectify, not 2025's
		assertThat(figures.verifiedTasks()).isZero();
		Figures next = task.figures(YEAR_2026);
		assertThat(next.verifiedTasks()).isEqualTo(1);
		assertThat(next.rectificationDays()).isEqualTo(141);
		assertThat(next.overdueTasks()).isZero();
		assertThat(next.dueTasks()).as("due in 2025, not 2026").isZero();
	}

	@Test
	void theCurrentYearJudgesAsOfToday() {
		// deadline 2026-06-30 has not come yet on 2026-06-15: not due, not overdue
		TaskRow notYet = task(RectificationStatus.ASSIGNED, "2026-06-30", "2026-05-01", null, null);
		assertThat(notYet.figures(YEAR_2026).dueTasks()).isZero();
		assertThat(notYet.figures(YEAR_2026).overdueTasks()).isZero();
		assertThat(notYet.figures(YEAR_2026).tasksInHand()).isEqualTo(1);
		// deadline 2026-06-01: 14 days overdue today
		TaskRow late = task(RectificationStatus.ASSIGNED, "2026-06-01", "2026-05-01", null, null);
		assertThat(late.figures(YEAR_2026).overdueDays()).isEqualTo(14);
		// the deadline day itself is not overdue
		TaskRow today = task(RectificationStatus.ASSIGNED, "2026-06-15", "2026-05-01", null, null);
		assertThat(today.overdueOn(LocalDate.of(2026, 6, 15))).isFalse();
		assertThat(today.overdueOn(LocalDate.of(2026, 6, 16))).isTrue();
	}

	@Test
	void aTaskAssignedAfterTheReferenceDayCountsForNothing() {
		TaskRow task = task(RectificationStatus.ASSIGNED, "2025-03-01", "2026-01-05", null, null);
		assertThat(task.figures(YEAR_2025)).isEqualTo(Figures.NONE);
	}

	@Test
	void stepsCountInTheYearTheyWereIssued() {
		TaskRow task = task(RectificationStatus.IN_PROGRESS, "2025-11-01", "2025-09-01", null, null,
				new TaskRow.Step(ReminderLevel.REMINDER_LETTER, LocalDate.of(2025, 11, 2)),
				new TaskRow.Step(ReminderLevel.ESCALATION, LocalDate.of(2025, 11, 16)),
				new TaskRow.Step(ReminderLevel.SUMMONS, LocalDate.of(2026, 1, 3)));
		Figures y2025 = task.figures(YEAR_2025);
		assertThat(y2025.reminderLetters()).isEqualTo(1);
		assertThat(y2025.escalations()).isEqualTo(1);
		assertThat(y2025.summonses()).isZero();
		assertThat(task.figures(YEAR_2026).summonses()).isEqualTo(1);
	}

	@Test
	void aTaskVerifiedBeforeTheYearIsNotInHandInIt() {
		TaskRow task = task(RectificationStatus.VERIFIED, "2024-06-30", "2024-03-01", "2024-06-01", "2024-06-10");
		assertThat(task.figures(YEAR_2025)).isEqualTo(Figures.NONE);
	}

}
