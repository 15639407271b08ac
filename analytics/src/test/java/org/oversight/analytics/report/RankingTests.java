package org.oversight.analytics.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.oversight.analytics.indicator.Figures;
import org.oversight.analytics.indicator.Grade;
import org.oversight.core.organization.OrgLevel;

import static org.assertj.core.api.Assertions.assertThat;

class RankingTests {

	static EcologyReport report(String id, String parent, OrgLevel level, double score) {
		return new EcologyReport(id + ":2025", id, id, id + "委", level, parent, List.of(id), 2025,
				LocalDate.of(2025, 12, 31), score, Grade.GREEN, "绿色（良好）", null, null, null, List.of(), List.of(),
				Figures.NONE, List.of(), List.of(), "", Instant.EPOCH);
	}

	@Test
	void equalScoresShareARankAndTheNextRankSkips() {
		Map<String, Ranking.Ranked> ranks = Ranking
			.rank(List.of(report("a", "P", OrgLevel.CITY, 80), report("b", "P", OrgLevel.CITY, 90),
					report("c", "P", OrgLevel.CITY, 80), report("d", "P", OrgLevel.CITY, 70)));
		// 90 first; the two 80s share second; 70 is fourth
		assertThat(ranks.get("b:2025")).isEqualTo(new Ranking.Ranked(1, 4));
		assertThat(ranks.get("a:2025")).isEqualTo(new Ranking.Ranked(2, 4));
		assertThat(ranks.get("c:2025")).isEqualTo(new Ranking.Ranked(2, 4));
		assertThat(ranks.get("d:2025")).isEqualTo(new Ranking.Ranked(4, 4));
	}

	@Test
	void peersShareLevelAndParent() {
		// a department at city level under the same parent is not a peer of the cities
		// below another parent; a county under P is not a peer of the cities under P
		Map<String, Ranking.Ranked> ranks = Ranking.rank(List.of(report("c1", "P", OrgLevel.CITY, 60),
				report("c2", "P", OrgLevel.CITY, 70), report("x", "P", OrgLevel.COUNTY, 50),
				report("c3", "Q", OrgLevel.CITY, 99), report("root", null, OrgLevel.PROVINCE, 10)));
		assertThat(ranks.get("c1:2025")).isEqualTo(new Ranking.Ranked(2, 2));
		assertThat(ranks.get("c2:2025")).isEqualTo(new Ranking.Ranked(1, 2));
		assertThat(ranks.get("x:2025")).isEqualTo(new Ranking.Ranked(1, 1));
		assertThat(ranks.get("c3:2025")).isEqualTo(new Ranking.Ranked(1, 1));
		assertThat(ranks.get("root:2025")).isEqualTo(new Ranking.Ranked(1, 1));
	}

	@Test
	void rankingWritesTheRankIntoTheNarrative() {
		List<EcologyReport> ranked = EcologyReportService
			.ranked(List.of(report("a", "P", OrgLevel.CITY, 80), report("b", "P", OrgLevel.CITY, 90)));
		assertThat(ranked.get(0).rankAmongPeers()).isEqualTo(2);
		assertThat(ranked.get(0).narrative()).contains("在同一上级所属的2个同级单位中排名第2位");
	}

}
