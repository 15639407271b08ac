package org.oversight.analytics.indicator;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every indicator formula on hand-made figures: 250 cadres in the subtree, 20 findings (5
 * early signs, 12 general, 3 serious; 6 about principals; 4 petitions), and so on. The
 * expected values are worked out in the comments.
 */
class MeasureTests {

	static final Figures FIGURES = Figures.builder()
		.organizations(40)
		.cadres(250)
		.findings(20)
		.earlySignFindings(5)
		.generalFindings(12)
		.seriousFindings(3)
		.principalFindings(6)
		.petitions(4)
		.dismissedFindings(2)
		.disposedFindings(16)
		.firstForm(12)
		.secondForm(3)
		.fourthForm(1)
		.dueTasks(25)
		.dueTasksOnTime(20)
		.tasksInHand(10)
		.overdueTasks(4)
		.overdueDays(100)
		.verifiedTasks(18)
		.rectificationDays(900)
		.tasksInYear(40)
		.reminderLetters(6)
		.escalations(3)
		.summonses(1)
		.principals(32)
		.principalsWithSupervisionTalk(24)
		.newPrincipals(5)
		.newPrincipalsWithTimelyTalk(4)
		.teams(8)
		.teamsWithMeeting(6)
		.meetings(7)
		.meetingsAttended(2)
		.interferenceRecords(1)
		.vacancies(2)
		.build();

	@Test
	void findingRatesArePer100Cadres() {
		// 5 / 250 * 100 = 2; 12 / 250 * 100 = 4.8; 3 / 250 * 100 = 1.2; 4 / 250 * 100 =
		// 1.6
		assertThat(Measure.EARLY_SIGN_FINDINGS_PER_100_CADRES.valueOf(FIGURES)).isEqualTo(2.0);
		assertThat(Measure.GENERAL_FINDINGS_PER_100_CADRES.valueOf(FIGURES)).isCloseTo(4.8, within(1e-9));
		assertThat(Measure.SERIOUS_FINDINGS_PER_100_CADRES.valueOf(FIGURES)).isCloseTo(1.2, within(1e-9));
		assertThat(Measure.PETITIONS_PER_100_CADRES.valueOf(FIGURES)).isCloseTo(1.6, within(1e-9));
		// 1 / 250 * 100 = 0.4
		assertThat(Measure.INTERFERENCE_RECORDS_PER_100_CADRES.valueOf(FIGURES)).isCloseTo(0.4, within(1e-9));
	}

	@Test
	void sharesOfFindingsAreInPercent() {
		// 3 of 20 serious = 15 %; 6 of 20 about principals = 30 %; 12 of 16 disposed in
		// the
		// first form = 75 %
		assertThat(Measure.SERIOUS_FINDING_SHARE.valueOf(FIGURES)).isEqualTo(15.0);
		assertThat(Measure.PRINCIPAL_FINDING_SHARE.valueOf(FIGURES)).isEqualTo(30.0);
		assertThat(Measure.FIRST_FORM_SHARE.valueOf(FIGURES)).isEqualTo(75.0);
	}

	@Test
	void rectificationMeasures() {
		// 20 of 25 due tasks on time = 80 %; 4 of 10 in hand overdue = 40 %;
		// 100 days over 4 overdue tasks = 25; 900 days over 18 verified = 50
		assertThat(Measure.ON_TIME_RECTIFICATION_RATE.valueOf(FIGURES)).isEqualTo(80.0);
		assertThat(Measure.OVERDUE_TASK_SHARE.valueOf(FIGURES)).isEqualTo(40.0);
		assertThat(Measure.MEAN_DAYS_OVERDUE.valueOf(FIGURES)).isEqualTo(25.0);
		assertThat(Measure.MEAN_DAYS_TO_RECTIFY.valueOf(FIGURES)).isEqualTo(50.0);
		// steps per 100 tasks in hand in the year: 6 / 40 = 15, 3 / 40 = 7.5, 1 / 40 =
		// 2.5
		assertThat(Measure.REMINDER_LETTERS_PER_100_TASKS.valueOf(FIGURES)).isEqualTo(15.0);
		assertThat(Measure.ESCALATIONS_PER_100_TASKS.valueOf(FIGURES)).isEqualTo(7.5);
		assertThat(Measure.SUMMONSES_PER_100_TASKS.valueOf(FIGURES)).isEqualTo(2.5);
	}

	@Test
	void principalAndTeamMeasures() {
		// 24 of 32 principals = 75 %; 4 of 5 new = 80 %; 2 of 40 organizations vacant = 5
		// %
		assertThat(Measure.SUPERVISION_TALK_COVERAGE.valueOf(FIGURES)).isEqualTo(75.0);
		assertThat(Measure.TIMELY_APPOINTMENT_TALK_RATE.valueOf(FIGURES)).isEqualTo(80.0);
		assertThat(Measure.PRINCIPAL_VACANCY_RATE.valueOf(FIGURES)).isEqualTo(5.0);
		// 6 of 8 teams held a meeting = 75 %; 2 of 7 meetings attended = 28.57... %
		assertThat(Measure.MEETING_HELD_RATE.valueOf(FIGURES)).isEqualTo(75.0);
		assertThat(Measure.MEETING_UPPER_ATTENDANCE_RATE.valueOf(FIGURES)).isCloseTo(200.0 / 7, within(1e-9));
	}

	@Test
	void aZeroDenominatorMakesTheIndicatorNotApplicable() {
		for (Measure measure : Measure.values()) {
			assertThat(measure.valueOf(Figures.NONE)).as(measure.name()).isNull();
		}
	}

	@Test
	void noOverdueTaskMeansZeroMeanDaysOverdueWhenTasksAreInHand() {
		Figures figures = Figures.builder().tasksInHand(3).build();
		assertThat(Measure.MEAN_DAYS_OVERDUE.valueOf(figures)).isEqualTo(0.0);
		assertThat(Measure.OVERDUE_TASK_SHARE.valueOf(figures)).isEqualTo(0.0);
	}

	@Test
	void cadresWithoutFindingsScoreZeroRatesNotNone() {
		Figures figures = Figures.builder().cadres(10).build();
		Set<Measure> perCadre = EnumSet.of(Measure.EARLY_SIGN_FINDINGS_PER_100_CADRES,
				Measure.GENERAL_FINDINGS_PER_100_CADRES, Measure.SERIOUS_FINDINGS_PER_100_CADRES,
				Measure.PETITIONS_PER_100_CADRES, Measure.INTERFERENCE_RECORDS_PER_100_CADRES);
		for (Measure measure : perCadre) {
			assertThat(measure.valueOf(figures)).as(measure.name()).isEqualTo(0.0);
		}
		// shares of findings stay not applicable: there is no finding to share
		assertThat(Measure.SERIOUS_FINDING_SHARE.valueOf(figures)).isNull();
	}

	@Test
	void figuresAddUpFieldByField() {
		Figures sum = FIGURES.plus(Figures.builder().cadres(50).seriousFindings(1).build());
		assertThat(sum.cadres()).isEqualTo(300);
		assertThat(sum.seriousFindings()).isEqualTo(4);
		assertThat(sum.findings()).isEqualTo(20);
		assertThat(FIGURES.toBuilder().build()).isEqualTo(FIGURES);
	}

}
