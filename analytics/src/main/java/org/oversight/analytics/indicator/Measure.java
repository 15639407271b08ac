package org.oversight.analytics.indicator;

import java.util.function.Function;

/**
 * The formulas an indicator can be configured with, each over the {@link Figures} of one
 * organization's subtree and year. A formula whose denominator is zero is not applicable
 * (null): the indicator then neither gains nor loses points and its weight is left out of
 * the sums (see {@link Scoring}).
 */
public enum Measure {

	/** Findings of severity EARLY_SIGN per 100 cadres. */
	EARLY_SIGN_FINDINGS_PER_100_CADRES("苗头性倾向性问题数 ÷ 干部数 × 100", (f) -> per100(f.earlySignFindings(), f.cadres())),

	/** Findings of severity GENERAL per 100 cadres. */
	GENERAL_FINDINGS_PER_100_CADRES("一般问题数 ÷ 干部数 × 100", (f) -> per100(f.generalFindings(), f.cadres())),

	/** Findings of severity SERIOUS per 100 cadres. */
	SERIOUS_FINDINGS_PER_100_CADRES("严重问题数 ÷ 干部数 × 100", (f) -> per100(f.seriousFindings(), f.cadres())),

	/** The share of findings that are SERIOUS, in percent. */
	SERIOUS_FINDING_SHARE("严重问题数 ÷ 问题总数 × 100%", (f) -> per100(f.seriousFindings(), f.findings())),

	/** The share of findings concerning a principal, in percent. */
	PRINCIPAL_FINDING_SHARE("涉及一把手的问题数 ÷ 问题总数 × 100%", (f) -> per100(f.principalFindings(), f.findings())),

	/** Findings from petitions per 100 cadres. */
	PETITIONS_PER_100_CADRES("信访举报问题数 ÷ 干部数 × 100", (f) -> per100(f.petitions(), f.cadres())),

	/** Tasks due in the year that were rectified on time, in percent. */
	ON_TIME_RECTIFICATION_RATE("按期整改完成的任务数 ÷ 年内到期任务数 × 100%", (f) -> per100(f.dueTasksOnTime(), f.dueTasks())),

	/** Tasks in hand on the reference day that are overdue, in percent. */
	OVERDUE_TASK_SHARE("逾期任务数 ÷ 在办任务数 × 100%", (f) -> per100(f.overdueTasks(), f.tasksInHand())),

	/** Mean days overdue of the overdue tasks; 0 when none is overdue. */
	MEAN_DAYS_OVERDUE("逾期天数之和 ÷ 逾期任务数（无逾期为 0）",
			(f) -> (f.tasksInHand() == 0) ? null
					: (f.overdueTasks() == 0) ? 0.0 : ratio(f.overdueDays(), f.overdueTasks())),

	/** Mean days from assignment to verification of the tasks verified in the year. */
	MEAN_DAYS_TO_RECTIFY("整改用时之和 ÷ 年内销号任务数", (f) -> ratio(f.rectificationDays(), f.verifiedTasks())),

	/** Reminder letters issued per 100 tasks in hand in the year. */
	REMINDER_LETTERS_PER_100_TASKS("提醒督办函数 ÷ 年内在办任务数 × 100", (f) -> per100(f.reminderLetters(), f.tasksInYear())),

	/** Escalations issued per 100 tasks in hand in the year. */
	ESCALATIONS_PER_100_TASKS("提级督办次数 ÷ 年内在办任务数 × 100", (f) -> per100(f.escalations(), f.tasksInYear())),

	/** Summonses issued per 100 tasks in hand in the year. */
	SUMMONSES_PER_100_TASKS("约谈次数 ÷ 年内在办任务数 × 100", (f) -> per100(f.summonses(), f.tasksInYear())),

	/**
	 * Principals with a supervision talk by an ancestor principal in the year, percent.
	 */
	SUPERVISION_TALK_COVERAGE("年内接受上级一把手监督谈话的一把手数 ÷ 应谈一把手数 × 100%",
			(f) -> per100(f.principalsWithSupervisionTalk(), f.principals())),

	/** New principals talked to within 30 days of their start, percent. */
	TIMELY_APPOINTMENT_TALK_RATE("30 日内接受任职谈话的新任一把手数 ÷ 新任一把手数 × 100%",
			(f) -> per100(f.newPrincipalsWithTimelyTalk(), f.newPrincipals())),

	/** Teams that held a democratic life meeting in the year, percent. */
	MEETING_HELD_RATE("年内召开民主生活会的领导班子数 ÷ 应召开的领导班子数 × 100%", (f) -> per100(f.teamsWithMeeting(), f.teams())),

	/** Meetings attended by upper-level leaders, percent. */
	MEETING_UPPER_ATTENDANCE_RATE("上级领导列席的民主生活会场次 ÷ 召开场次 × 100%", (f) -> per100(f.meetingsAttended(), f.meetings())),

	/** Interference records per 100 cadres. */
	INTERFERENCE_RECORDS_PER_100_CADRES("插手干预重大事项记录数 ÷ 干部数 × 100", (f) -> per100(f.interferenceRecords(), f.cadres())),

	/** The share of disposed findings handled in the FIRST form, percent. */
	FIRST_FORM_SHARE("运用第一种形态处置的问题数 ÷ 已处置问题数 × 100%", (f) -> per100(f.firstForm(), f.disposedFindings())),

	/** Organizations without a principal on the reference day, percent. */
	PRINCIPAL_VACANCY_RATE("一把手空缺的组织数 ÷ 组织数 × 100%", (f) -> per100(f.vacancies(), f.organizations()));

	private final String formula;

	private final Function<Figures, Double> value;

	Measure(String formula, Function<Figures, Double> value) {
		this.formula = formula;
		this.value = value;
	}

	/** The formula in words, for the documentation and the rendered report. */
	public String formula() {
		return this.formula;
	}

	/** The raw value, or null when the formula's denominator is zero. */
	public Double valueOf(Figures figures) {
		return this.value.apply(figures);
	}

	private static Double per100(long part, long whole) {
		return (whole == 0) ? null : 100.0 * part / whole;
	}

	private static Double ratio(long sum, long count) {
		return (count == 0) ? null : (double) sum / count;
	}

}
