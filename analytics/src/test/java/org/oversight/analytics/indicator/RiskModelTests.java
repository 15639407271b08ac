package org.oversight.analytics.indicator;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RiskModelTests {

	RiskModel risk = IndicatorModelLoader.defaults().risk();

	@Test
	void countsArePointsPerItemUpToTheCap() {
		// petitions: 6 each, at most 18
		assertThat(this.risk.petitions().points(0)).isZero();
		assertThat(this.risk.petitions().points(2)).isEqualTo(12);
		assertThat(this.risk.petitions().points(5)).isEqualTo(18);
	}

	@Test
	void tenureCountsOnlyBeyondFiveYears() {
		LocalDate day = LocalDate.of(2025, 12, 31);
		// exactly five years is not more than five
		assertThat(this.risk.longTenure().points(LocalDate.of(2020, 12, 31), day)).isZero();
		// five years and a day: the base 10
		assertThat(this.risk.longTenure().points(LocalDate.of(2020, 12, 30), day)).isEqualTo(10);
		// seven full years: 10 + 2 × 2 = 14
		assertThat(this.risk.longTenure().points(LocalDate.of(2018, 11, 1), day)).isEqualTo(14);
		// twenty years: capped at 20
		assertThat(this.risk.longTenure().points(LocalDate.of(2005, 1, 1), day)).isEqualTo(20);
	}

	@Test
	void gradesRiseWithTheScore() {
		assertThat(this.risk.gradeOf(0)).isEqualTo(Grade.GREEN);
		assertThat(this.risk.gradeOf(19.9)).isEqualTo(Grade.GREEN);
		assertThat(this.risk.gradeOf(20)).isEqualTo(Grade.YELLOW);
		assertThat(this.risk.gradeOf(40)).isEqualTo(Grade.ORANGE);
		assertThat(this.risk.gradeOf(60)).isEqualTo(Grade.RED);
		assertThat(this.risk.gradeOf(100)).isEqualTo(Grade.RED);
	}

}
