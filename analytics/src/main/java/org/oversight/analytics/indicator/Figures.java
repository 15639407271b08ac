package org.oversight.analytics.indicator;

/**
 * The counts one report is computed from: everything recorded in an organization's
 * subtree for a year, as of the report's reference day (31 December, or today for the
 * current year). Every indicator is a formula over these ({@link Measure}), and every
 * sentence of a report's narrative quotes them. Dismissed findings are counted only in
 * {@link #dismissedFindings}; they and their tasks count nowhere else.
 *
 * @param organizations organizations of the subtree existing on the reference day
 * @param cadres distinct cadres holding a post in the subtree on the reference day
 * @param findings findings reported in the year, dismissed ones left out
 * @param earlySignFindings of those, EARLY_SIGN
 * @param generalFindings of those, GENERAL
 * @param seriousFindings of those, SERIOUS
 * @param principalFindings of those, concerning a principal
 * @param petitions of those, from petitions (信访举报)
 * @param dismissedFindings findings reported in the year and dismissed as untrue
 * @param disposedFindings findings (not dismissed) with a "four forms" disposition
 * @param firstForm of those, FIRST form
 * @param secondForm of those, SECOND form
 * @param thirdForm of those, THIRD form
 * @param fourthForm of those, FOURTH form
 * @param dueTasks rectification tasks whose deadline falls in the year, up to the
 * reference day
 * @param dueTasksOnTime of those, rectified on time (VERIFIED, last submission on or
 * before the deadline)
 * @param tasksInHand tasks assigned by the reference day and not verified by then
 * @param overdueTasks of those, overdue on the reference day
 * @param overdueDays the days overdue of those, added up
 * @param verifiedTasks tasks verified (销号) in the year
 * @param rectificationDays from assignment to verification of those, added up
 * @param tasksInYear tasks in hand at some time in the year
 * @param reminderLetters REMINDER_LETTER steps issued in the year
 * @param escalations ESCALATION steps issued in the year
 * @param summonses SUMMONS steps issued in the year
 * @param principals principals on the reference day who have a principal above them
 * @param principalsWithSupervisionTalk of those, with a SUPERVISION talk by an ancestor
 * principal in the year
 * @param newPrincipals of those, whose post started in the year
 * @param newPrincipalsWithTimelyTalk of the new ones, with an APPOINTMENT talk by an
 * ancestor principal within 30 days of the start
 * @param teams organizations expected to hold democratic life meetings that have a team
 * on the reference day
 * @param teamsWithMeeting of those, that held one in the year
 * @param meetings democratic life meetings held in the year
 * @param meetingsAttended of those, attended by upper-level leaders
 * @param interferenceRecords interference records dated in the year
 * @param vacancies organizations existing on the reference day without a principal
 */
public record Figures(long organizations, long cadres, long findings, long earlySignFindings, long generalFindings,
		long seriousFindings, long principalFindings, long petitions, long dismissedFindings, long disposedFindings,
		long firstForm, long secondForm, long thirdForm, long fourthForm, long dueTasks, long dueTasksOnTime,
		long tasksInHand, long overdueTasks, long overdueDays, long verifiedTasks, long rectificationDays,
		long tasksInYear, long reminderLetters, long escalations, long summonses, long principals,
		long principalsWithSupervisionTalk, long newPrincipals, long newPrincipalsWithTimelyTalk, long teams,
		long teamsWithMeeting, long meetings, long meetingsAttended, long interferenceRecords, long vacancies) {

	/** All zero: a starting point for tests and builders. */
	public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
			0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

	/** Field by field sums: right for every count that adds up over organizations. */
	public Figures plus(Figures other) {
		return new Figures(this.organizations + other.organizations, this.cadres + other.cadres,
				this.findings + other.findings, this.earlySignFindings + other.earlySignFindings,
				this.generalFindings + other.generalFindings, this.seriousFindings + other.seriousFindings,
				this.principalFindings + other.principalFindings, this.petitions + other.petitions,
				this.dismissedFindings + other.dismissedFindings, this.disposedFindings + other.disposedFindings,
				this.firstForm + other.firstForm, this.secondForm + other.secondForm, this.thirdForm + other.thirdForm,
				this.fourthForm + other.fourthForm, this.dueTasks + other.dueTasks,
				this.dueTasksOnTime + other.dueTasksOnTime, this.tasksInHand + other.tasksInHand,
				this.overdueTasks + other.overdueTasks, this.overdueDays + other.overdueDays,
				this.verifiedTasks + other.verifiedTasks, this.rectificationDays + other.rectificationDays,
				this.tasksInYear + other.tasksInYear, this.reminderLetters + other.reminderLetters,
				this.escalations + other.escalations, this.summonses + other.summonses,
				this.principals + other.principals,
				this.principalsWithSupervisionTalk + other.principalsWithSupervisionTalk,
				this.newPrincipals + other.newPrincipals,
				this.newPrincipalsWithTimelyTalk + other.newPrincipalsWithTimelyTalk, this.teams + other.teams,
				this.teamsWithMeeting + other.teamsWithMeeting, this.meetings + other.meetings,
				this.meetingsAttended + other.meetingsAttended, this.interferenceRecords + other.interferenceRecords,
				this.vacancies + other.vacancies);
	}

	public static Builder builder() {
		return new Builder();
	}

	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.organizations = this.organizations;
		builder.cadres = this.cadres;
		builder.findings = this.findings;
		builder.earlySignFindings = this.earlySignFindings;
		builder.generalFindings = this.generalFindings;
		builder.seriousFindings = this.seriousFindings;
		builder.principalFindings = this.principalFindings;
		builder.petitions = this.petitions;
		builder.dismissedFindings = this.dismissedFindings;
		builder.disposedFindings = this.disposedFindings;
		builder.firstForm = this.firstForm;
		builder.secondForm = this.secondForm;
		builder.thirdForm = this.thirdForm;
		builder.fourthForm = this.fourthForm;
		builder.dueTasks = this.dueTasks;
		builder.dueTasksOnTime = this.dueTasksOnTime;
		builder.tasksInHand = this.tasksInHand;
		builder.overdueTasks = this.overdueTasks;
		builder.overdueDays = this.overdueDays;
		builder.verifiedTasks = this.verifiedTasks;
		builder.rectificationDays = this.rectificationDays;
		builder.tasksInYear = this.tasksInYear;
		builder.reminderLetters = this.reminderLetters;
		builder.escalations = this.escalations;
		builder.summonses = this.summonses;
		builder.principals = this.principals;
		builder.principalsWithSupervisionTalk = this.principalsWithSupervisionTalk;
		builder.newPrincipals = this.newPrincipals;
		builder.newPrincipalsWithTimelyTalk = this.newPrincipalsWithTimelyTalk;
		builder.teams = this.teams;
		builder.teamsWithMeeting = this.teamsWithMeeting;
		builder.meetings = this.meetings;
		builder.meetingsAttended = this.meetingsAttended;
		builder.interferenceRecords = this.interferenceRecords;
		builder.vacancies = this.vacancies;
		return builder;
	}

	/** Builds figures field by field; what is not set stays 0. */
	public static final class Builder {

		private long organizations;

		private long cadres;

		private long findings;

		private long earlySignFindings;

		private long generalFindings;

		private long seriousFindings;

		private long principalFindings;

		private long petitions;

		private long dismissedFindings;

		private long disposedFindings;

		private long firstForm;

		private long secondForm;

		private long thirdForm;

		private long fourthForm;

		private long dueTasks;

		private long dueTasksOnTime;

		private long tasksInHand;

		private long overdueTasks;

		private long overdueDays;

		private long verifiedTasks;

		private long rectificationDays;

		private long tasksInYear;

		private long reminderLetters;

		private long escalations;

		private long summonses;

		private long principals;

		private long principalsWithSupervisionTalk;

		private long newPrincipals;

		private long newPrincipalsWithTimelyTalk;

		private long teams;

		private long teamsWithMeeting;

		private long meetings;

		private long meetingsAttended;

		private long interferenceRecords;

		private long vacancies;

		private Builder() {
		}

		public Builder organizations(long organizations) {
			this.organizations = organizations;
			return this;
		}

		public Builder cadres(long cadres) {
			this.cadres = cadres;
			return this;
		}

		public Builder findings(long findings) {
			this.findings = findings;
			return this;
		}

		public Builder earlySignFindings(long earlySignFindings) {
			this.earlySignFindings = earlySignFindings;
			return this;
		}

		public Builder generalFindings(long generalFindings) {
			this.generalFindings = generalFindings;
			return this;
		}

		public Builder seriousFindings(long seriousFindings) {
			this.seriousFindings = seriousFindings;
			return this;
		}

		public Builder principalFindings(long principalFindings) {
			this.principalFindings = principalFindings;
			return this;
		}

		public Builder petitions(long petitions) {
			this.petitions = petitions;
			return this;
		}

		public Builder dismissedFindings(long dismissedFindings) {
			this.dismissedFindings = dismissedFindings;
			return this;
		}

		public Builder disposedFindings(long disposedFindings) {
			this.disposedFindings = disposedFindings;
			return this;
		}

		public Builder firstForm(long firstForm) {
			this.firstForm = firstForm;
			return this;
		}

		public Builder secondForm(long secondForm) {
			this.secondForm = secondForm;
			return this;
		}

		public Builder thirdForm(long thirdForm) {
			this.thirdForm = thirdForm;
			return this;
		}

		public Builder fourthForm(long fourthForm) {
			this.fourthForm = fourthForm;
			return this;
		}

		public Builder dueTasks(long dueTasks) {
			this.dueTasks = dueTasks;
			return this;
		}

		public Builder dueTasksOnTime(long dueTasksOnTime) {
			this.dueTasksOnTime = dueTasksOnTime;
			return this;
		}

		public Builder tasksInHand(long tasksInHand) {
			this.tasksInHand = tasksInHand;
			return this;
		}

		public Builder overdueTasks(long overdueTasks) {
			this.overdueTasks = overdueTasks;
			return this;
		}

		public Builder overdueDays(long overdueDays) {
			this.overdueDays = overdueDays;
			return this;
		}

		public Builder verifiedTasks(long verifiedTasks) {
			this.verifiedTasks = verifiedTasks;
			return this;
		}

		public Builder rectificationDays(long rectificationDays) {
			this.rectificationDays = rectificationDays;
			return this;
		}

		public Builder tasksInYear(long tasksInYear) {
			this.tasksInYear = tasksInYear;
			return this;
		}

		public Builder reminderLetters(long reminderLetters) {
			this.reminderLetters = reminderLetters;
			return this;
		}

		public Builder escalations(long escalations) {
			this.escalations = escalations;
			return this;
		}

		public Builder summonses(long summonses) {
			this.summonses = summonses;
			return this;
		}

		public Builder principals(long principals) {
			this.principals = principals;
			return this;
		}

		public Builder principalsWithSupervisionTalk(long principalsWithSupervisionTalk) {
			this.principalsWithSupervisionTalk = principalsWithSupervisionTalk;
			return this;
		}

		public Builder newPrincipals(long newPrincipals) {
			this.newPrincipals = newPrincipals;
			return this;
		}

		public Builder newPrincipalsWithTimelyTalk(long newPrincipalsWithTimelyTalk) {
			this.newPrincipalsWithTimelyTalk = newPrincipalsWithTimelyTalk;
			return this;
		}

		public Builder teams(long teams) {
			this.teams = teams;
			return this;
		}

		public Builder teamsWithMeeting(long teamsWithMeeting) {
			this.teamsWithMeeting = teamsWithMeeting;
			return this;
		}

		public Builder meetings(long meetings) {
			this.meetings = meetings;
			return this;
		}

		public Builder meetingsAttended(long meetingsAttended) {
			this.meetingsAttended = meetingsAttended;
			return this;
		}

		public Builder interferenceRecords(long interferenceRecords) {
			this.interferenceRecords = interferenceRecords;
			return this;
		}

		public Builder vacancies(long vacancies) {
			this.vacancies = vacancies;
			return this;
		}

		public Figures build() {
			return new Figures(this.organizations, this.cadres, this.findings, this.earlySignFindings,
					this.generalFindings, this.seriousFindings, this.principalFindings, this.petitions,
					this.dismissedFindings, this.disposedFindings, this.firstForm, this.secondForm, this.thirdForm,
					this.fourthForm, this.dueTasks, this.dueTasksOnTime, this.tasksInHand, this.overdueTasks,
					this.overdueDays, this.verifiedTasks, this.rectificationDays, this.tasksInYear,
					this.reminderLetters, this.escalations, this.summonses, this.principals,
					this.principalsWithSupervisionTalk, this.newPrincipals, this.newPrincipalsWithTimelyTalk,
					this.teams, this.teamsWithMeeting, this.meetings, this.meetingsAttended, this.interferenceRecords,
					this.vacancies);
		}

	}

}
