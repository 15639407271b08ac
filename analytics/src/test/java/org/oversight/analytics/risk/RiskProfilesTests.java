package org.oversight.analytics.risk;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.oversight.analytics.facts.Post;
import org.oversight.analytics.facts.YearPeriod;
import org.oversight.core.cadre.TeamRole;

import static org.assertj.core.api.Assertions.assertThat;

class RiskProfilesTests {

	static final YearPeriod YEAR = YearPeriod.of(2025, LocalDate.of(2026, 6, 15));

	static Post post(String id, String organization, TeamRole role, String start, String end) {
		return new Post(id, "c", organization, List.of("P", organization), role, LocalDate.parse(start),
				(end != null) ? LocalDate.parse(end) : null);
	}

	@Test
	void consecutiveTermsInTheSamePostCountAsOne() {
		Post first = post("a", "X", TeamRole.PRINCIPAL, "2016-03-01", "2021-02-28");
		Post second = post("b", "X", TeamRole.PRINCIPAL, "2021-03-01", null);
		assertThat(RiskProfiles.heldSince(second, List.of(first, second))).isEqualTo(LocalDate.of(2016, 3, 1));
	}

	@Test
	void aGapOrAnotherPostIsARotation() {
		Post gap = post("a", "X", TeamRole.PRINCIPAL, "2016-03-01", "2021-01-31");
		Post elsewhere = post("c", "Y", TeamRole.PRINCIPAL, "2010-01-01", "2021-02-28");
		Post deputy = post("d", "X", TeamRole.DEPUTY, "2012-01-01", "2021-02-28");
		Post current = post("b", "X", TeamRole.PRINCIPAL, "2021-03-01", null);
		assertThat(RiskProfiles.heldSince(current, List.of(gap, elsewhere, deputy, current)))
			.isEqualTo(LocalDate.of(2021, 3, 1));
	}

	@Test
	void theProfileLooksAtThePostHeldOnTheReferenceDayElseTheLastOne() {
		Post ended = post("a", "X", TeamRole.PRINCIPAL, "2020-01-01", "2025-04-30");
		Post member = post("m", "Z", TeamRole.MEMBER, "2020-01-01", null);
		Post current = post("b", "Y", TeamRole.PRINCIPAL, "2025-05-01", null);
		assertThat(RiskProfiles.choose(List.of(ended, member, current), YEAR)).contains(current);
		assertThat(RiskProfiles.choose(List.of(ended, member), YEAR)).contains(ended);
		assertThat(RiskProfiles.choose(List.of(member), YEAR)).isEmpty();
		Post before = post("e", "X", TeamRole.PRINCIPAL, "2018-01-01", "2024-12-31");
		assertThat(RiskProfiles.choose(List.of(before), YEAR)).isEmpty();
	}

}
