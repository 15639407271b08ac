package org.oversight.analytics.indicator;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Normalisation, weighting, capped deductions, lost-point shares and grading, worked out
 * on paper for the small model of {@link TestModels#MINIMAL_YAML} (A: score = value,
 * weight 3, dimension D1 capped at 30 points; B: 0→100, 10→50, 20→0, weight 1, D2
 * uncapped; grades GREEN ≥ 80, YELLOW ≥ 60, ORANGE ≥ 40, RED below).
 */
class ScoringTests {

	IndicatorModel model = TestModels.minimal();

	Indicator b = this.model.indicator("B").orElseThrow();

	@Test
	void scalesInterpolateLinearlyAndAreFlatBeyondTheirEnds() {
		assertThat(this.b.scoreOf(0)).isEqualTo(100);
		assertThat(this.b.scoreOf(5)).isEqualTo(75); // halfway from 100 to 50
		assertThat(this.b.scoreOf(10)).isEqualTo(50);
		assertThat(this.b.scoreOf(14)).isEqualTo(30); // 50 - 4/10 * 50
		assertThat(this.b.scoreOf(20)).isEqualTo(0);
		assertThat(this.b.scoreOf(35)).isEqualTo(0);
		assertThat(this.b.scoreOf(-1)).isEqualTo(100);
	}

	@Test
	void weightsShareOutTheHundredPoints() {
		// A = 90 → score 90; B = 5 → score 75. Points: A 3/4 × 100 = 75, B 25.
		// Lost: A 75 × 10 % = 7.5, B 25 × 25 % = 6.25; total lost 13.75 → 86.25 → 86.3.
		ScoreCard card = Scoring.score(this.model, values(90.0, 5.0));
		assertThat(card.indicators()).extracting(ScoreCard.IndicatorResult::points).containsExactly(75.0, 25.0);
		assertThat(card.indicators()).extracting(ScoreCard.IndicatorResult::lostPoints).containsExactly(7.5, 6.25);
		assertThat(card.score()).isEqualTo(86.3);
		assertThat(card.grade()).isEqualTo(Grade.GREEN);
		// shares of the 13.75 lost: 7.5 / 13.75 = 54.5 %, 6.25 / 13.75 = 45.5 %
		assertThat(card.indicators()).extracting(ScoreCard.IndicatorResult::lostShare).containsExactly(54.5, 45.5);
		assertThat(card.dimensions()).extracting(ScoreCard.DimensionResult::score).containsExactly(90.0, 75.0);
	}

	@Test
	void aDimensionLosesNoMoreThanItsCap() {
		// A = 0 → score 0 would lose all its 75 points; D1 is capped at 30.
		// B = 10 → score 50 → loses 12.5. Total = 100 - 30 - 12.5 = 57.5: ORANGE.
		ScoreCard card = Scoring.score(this.model, values(0.0, 10.0));
		assertThat(card.indicators().get(0).lostPoints()).isEqualTo(30.0);
		assertThat(card.dimensions()).extracting(ScoreCard.DimensionResult::lostPoints).containsExactly(30.0, 12.5);
		assertThat(card.score()).isEqualTo(57.5);
		assertThat(card.grade()).isEqualTo(Grade.ORANGE);
		// the dimension score itself is not capped
		assertThat(card.dimensions().get(0).score()).isEqualTo(0.0);
		// shares: 30 / 42.5 = 70.6 %, 12.5 / 42.5 = 29.4 %
		assertThat(card.indicators()).extracting(ScoreCard.IndicatorResult::lostShare).containsExactly(70.6, 29.4);
	}

	@Test
	void aNotApplicableIndicatorGivesItsWeightToTheOthers() {
		// B has no data: A carries all 100 points; A = 70 → 70, YELLOW.
		ScoreCard card = Scoring.score(this.model, values(70.0, null));
		assertThat(card.indicators().get(0).points()).isEqualTo(100.0);
		assertThat(card.indicators().get(1).applicable()).isFalse();
		assertThat(card.indicators().get(1).lostPoints()).isZero();
		assertThat(card.dimensions()).extracting((d) -> d.dimension().code()).containsExactly("D1");
		// A loses 30 points: exactly at the cap of D1
		assertThat(card.score()).isEqualTo(70.0);
		assertThat(card.grade()).isEqualTo(Grade.YELLOW);
	}

	@Test
	void gradesFollowTheRoundedScore() {
		// A = 80 → loses 75 × 0.2 = 15; B = 0 → nothing: 85 GREEN
		assertThat(Scoring.score(this.model, values(80.0, 0.0)).score()).isEqualTo(85.0);
		// A = 60 → loses 30 (the cap); B = 4 → score 80 → loses 5: 65 YELLOW
		assertThat(Scoring.score(this.model, values(60.0, 4.0)).grade()).isEqualTo(Grade.YELLOW);
		// lowest boundaries are inclusive
		assertThat(this.model.bandOf(80).grade()).isEqualTo(Grade.GREEN);
		assertThat(this.model.bandOf(79.9).grade()).isEqualTo(Grade.YELLOW);
		assertThat(this.model.bandOf(40).grade()).isEqualTo(Grade.ORANGE);
		assertThat(this.model.bandOf(39.9).grade()).isEqualTo(Grade.RED);
		assertThat(this.model.bandOf(39.9).followUps()).extracting(GradeBand.FollowUpRule::code)
			.containsExactly("REMINDER_TALK");
	}

	@Test
	void nothingLostMeansFullMarksAndNoShares() {
		ScoreCard card = Scoring.score(this.model, values(100.0, 0.0));
		assertThat(card.score()).isEqualTo(100.0);
		assertThat(card.indicators()).extracting(ScoreCard.IndicatorResult::lostShare).containsExactly(0.0, 0.0);
	}

	@Test
	void anOrganizationsScoreDoesNotDependOnOthers() {
		// the same figures give the same card, whatever else was scored before
		Figures mine = Figures.builder().principals(10).principalsWithSupervisionTalk(9).tasksInHand(10).build();
		ScoreCard alone = Scoring.score(this.model, mine);
		Scoring.score(this.model, Figures.builder().principals(10).tasksInHand(10).overdueTasks(10).build());
		assertThat(Scoring.score(this.model, mine)).isEqualTo(alone);
		// A = 90 % coverage → 90; B = 0 % overdue → 100: loses 7.5 → 92.5
		assertThat(alone.score()).isEqualTo(92.5);
	}

	@Test
	void theShippedModelScoresHandMadeFiguresAsWorkedOut() {
		IndicatorModel shipped = IndicatorModelLoader.defaults();
		// Only the supervision-talk coverage (weight 8) and the vacancy rate (weight 4)
		// apply: 12 points in all, so they carry 66.67 and 33.33 points.
		// Coverage 70 % → 60 on its scale: loses 66.67 × 0.4 = 26.67, capped at 20 for
		// 一把手监督. Vacancy 0 % → 100. Total 100 - 20 = 80: YELLOW.
		Figures figures = Figures.builder().organizations(10).principals(10).principalsWithSupervisionTalk(7).build();
		ScoreCard card = Scoring.score(shipped, figures);
		assertThat(card.indicators().stream().filter(ScoreCard.IndicatorResult::applicable))
			.extracting((i) -> i.indicator().code())
			.containsExactly("SUPERVISION_TALK_COVERAGE", "PRINCIPAL_VACANCIES");
		assertThat(card.score()).isEqualTo(80.0);
		assertThat(card.grade()).isEqualTo(Grade.YELLOW);
		assertThat(card.dimensions()).extracting(ScoreCard.DimensionResult::score).containsExactly(73.3);
	}

	private static Map<String, Double> values(Double a, Double b) {
		Map<String, Double> values = new HashMap<>();
		values.put("A", a);
		values.put("B", b);
		return values;
	}

}
