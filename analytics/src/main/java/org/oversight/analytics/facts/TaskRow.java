package org.oversight.analytics.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.oversight.analytics.indicator.Figures;
import org.oversight.core.rectification.RectificationStatus;
import org.oversight.core.rectification.ReminderLevel;

/**
 * The fields of a rectification task the analytics read, and what the task adds to the
 * figures of its responsible organization for a year.
 * <p>
 * Tasks are judged by their stored state, which is today's; for a past year "on the
 * reference day" is reconstructed from the dates the task keeps: it was in hand when
 * assigned by then and not verified by then, and overdue when its deadline had passed and
 * it was still ASSIGNED or IN_PROGRESS, or submitted only after that day. (Deadline
 * extensions and rejected submissions made after the reference day are not undone.)
 *
 * @param organizationId the responsible organization
 * @param status current status
 * @param deadline current deadline
 * @param assignedOn day assigned
 * @param submittedOn day of the last submission; null if never submitted
 * @param verifiedOn day verified; null unless VERIFIED
 * @param steps escalation steps issued: level and day
 */
public record TaskRow(String organizationId, RectificationStatus status, LocalDate deadline, LocalDate assignedOn,
		LocalDate submittedOn, LocalDate verifiedOn, List<Step> steps) {

	public record Step(ReminderLevel level, LocalDate issuedOn) {
	}

	/** Rectified on time: VERIFIED, and the last submission on or before the deadline. */
	public boolean onTime() {
		return this.status == RectificationStatus.VERIFIED && this.submittedOn != null
				&& !this.submittedOn.isAfter(this.deadline);
	}

	public boolean inHandOn(LocalDate day) {
		return !this.assignedOn.isAfter(day) && (this.verifiedOn == null || this.verifiedOn.isAfter(day));
	}

	public boolean overdueOn(LocalDate day) {
		if (this.assignedOn.isAfter(day) || !day.isAfter(this.deadline)) {
			return false;
		}
		boolean open = this.status == RectificationStatus.ASSIGNED || this.status == RectificationStatus.IN_PROGRESS;
		return open || (this.submittedOn != null && this.submittedOn.isAfter(day));
	}

	/** What this task adds to its organization's figures for the year. */
	public Figures figures(YearPeriod period) {
		LocalDate day = period.referenceDay();
		Figures.Builder figures = Figures.builder();
		boolean due = period.contains(this.deadline) && !this.deadline.isAfter(day) && !this.assignedOn.isAfter(day);
		if (due) {
			figures.dueTasks(1).dueTasksOnTime(onTime() ? 1 : 0);
		}
		if (inHandOn(day)) {
			figures.tasksInHand(1);
			if (overdueOn(day)) {
				figures.overdueTasks(1).overdueDays(ChronoUnit.DAYS.between(this.deadline, day));
			}
		}
		if (period.contains(this.verifiedOn) && !this.verifiedOn.isAfter(day)) {
			figures.verifiedTasks(1).rectificationDays(ChronoUnit.DAYS.between(this.assignedOn, this.verifiedOn));
		}
		LocalDate lastDay = period.end().isBefore(day) ? period.end() : day;
		if (!this.assignedOn.isAfter(lastDay)
				&& (this.verifiedOn == null || !this.verifiedOn.isBefore(period.start()))) {
			figures.tasksInYear(1);
		}
		long letters = 0;
		long escalations = 0;
		long summonses = 0;
		for (Step step : this.steps) {
			if (!period.contains(step.issuedOn()) || step.issuedOn().isAfter(day)) {
				continue;
			}
			switch (step.level()) {
				case REMINDER_LETTER -> letters++;
				case ESCALATION -> escalations++;
				case SUMMONS -> summonses++;
			}
		}
		return figures.reminderLetters(letters).escalations(escalations).summonses(summonses).build();
	}

}
