package org.oversight.analytics.risk;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.oversight.analytics.Scenario;
import org.oversight.analytics.indicator.Grade;
import org.oversight.core.talk.TalkKind;
import org.oversight.core.test.MongoIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Risk profiles for 2025 in the {@link Scenario}, with the shipped weights: findings 4 /
 * 8 / 20 by severity, petitions 6, overdue tasks 5, a missing supervision talk 15, tenure
 * beyond 5 years 10 + 2 a year (cap 20), interference 10.
 */
@MongoIntegrationTest
class RiskProfilesIntegrationTests {

	@Autowired
	Scenario scenario;

	@Autowired
	RiskProfiles profiles;

	Scenario s;

	@BeforeEach
	void data() {
		this.s = this.scenario.build();
	}

	@Test
	void eachPrincipalsFactorsAreWeighedAsConfigured() {
		Map<String, RiskProfile> all = this.profiles
			.of(List.of(this.s.x2P.id(), this.s.x1P.id(), this.s.cityP.id(), this.s.x1M.id(), this.s.tM.id()), 2025);
		// members without a principal post have no profile
		assertThat(all.keySet()).containsExactly(this.s.x2P.id(), this.s.x1P.id(), this.s.cityP.id());

		// x1P: f1 is SERIOUS (20); X1's task t2 is overdue on 31 December (5); supervised
		RiskProfile x1P = all.get(this.s.x1P.id());
		assertThat(x1P.factors()).extracting(RiskFactor::code, RiskFactor::weight)
			.containsExactly(tuple("FINDINGS", 20.0), tuple("OVERDUE_TASKS", 5.0));
		assertThat(x1P.score()).isEqualTo(25.0);
		assertThat(x1P.grade()).isEqualTo(Grade.YELLOW);
		assertThat(x1P.organizationId()).isEqualTo(this.s.x1.id());
		assertThat(x1P.factors().get(1).description()).contains("X1党委").contains("1项整改任务逾期未完成");

		// x2P: f3 was dismissed and does not count; no supervision talk (15); one
		// interference record (10)
		RiskProfile x2P = all.get(this.s.x2P.id());
		assertThat(x2P.factors()).extracting(RiskFactor::code, RiskFactor::weight)
			.containsExactly(tuple("MISSING_SUPERVISION_TALK", 15.0), tuple("INTERFERENCE", 10.0));
		assertThat(x2P.score()).isEqualTo(25.0);

		// cityP: in post since 2015-01-01, ten full years (10 years 11 months) on 31
		// December 2025:
		// 10 + 5 × 2 = 20 (the cap); one petition (6); nobody above, so no talk is
		// missing
		RiskProfile cityP = all.get(this.s.cityP.id());
		assertThat(cityP.factors()).extracting(RiskFactor::code, RiskFactor::weight)
			.containsExactly(tuple("LONG_TENURE", 20.0), tuple("PETITIONS", 6.0));
		assertThat(cityP.score()).isEqualTo(26.0);
		assertThat(cityP.factors().get(0).description()).contains("2015年1月1日").contains("10年11个月");
	}

	@Test
	void aSupervisionTalkRemovesTheFactor() {
		this.s.talk(TalkKind.SUPERVISION, "2025-10-10", this.s.x2P, this.s.cityP, this.s.x2);
		RiskProfile x2P = this.profiles.of(this.s.x2P.id(), 2025).orElseThrow();
		assertThat(x2P.factors()).extracting(RiskFactor::code).containsExactly("INTERFERENCE");
		assertThat(x2P.score()).isEqualTo(10.0);
		assertThat(x2P.grade()).isEqualTo(Grade.GREEN);
	}

	@Test
	void aYearBeforeThePostHasNoProfile() {
		assertThat(this.profiles.of(this.s.x2P.id(), 2024)).isEmpty();
		assertThat(this.profiles.of(List.of(), 2025)).isEmpty();
	}

}
