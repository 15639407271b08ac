package org.oversight.analytics.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.oversight.analytics.facts.Post;
import org.oversight.analytics.facts.TalkCoverage;
import org.oversight.analytics.facts.TalkRow;
import org.oversight.analytics.facts.YearPeriod;
import org.oversight.analytics.indicator.Figures;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.organization.OrgKind;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.talk.TalkKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roll-up over a hand-made tree for 2025 (reference day 31 December):
 *
 * <pre>
 * P  province committee   principal pp
 * ├─ C1 city committee    principal c1p, deputy dep
 * │  └─ D1 department     principal d1p (new on 2025-02-01), member dep (dep's second post)
 * ├─ C2 city committee    no principal, member m2
 * └─ Z  city committee    dissolved on 2024-05-01
 * </pre>
 */
class YearFiguresTests {

	static final YearPeriod YEAR = YearPeriod.of(2025, LocalDate.of(2026, 6, 15));

	static final OrgNode P = node("P", null, List.of("P"), OrgKind.PARTY_COMMITTEE, OrgLevel.PROVINCE, null);

	static final OrgNode C1 = node("C1", "P", List.of("P", "C1"), OrgKind.PARTY_COMMITTEE, OrgLevel.CITY, null);

	static final OrgNode D1 = node("D1", "C1", List.of("P", "C1", "D1"), OrgKind.DEPARTMENT, OrgLevel.CITY, null);

	static final OrgNode C2 = node("C2", "P", List.of("P", "C2"), OrgKind.PARTY_COMMITTEE, OrgLevel.CITY, null);

	static final OrgNode Z = node("Z", "P", List.of("P", "Z"), OrgKind.PARTY_COMMITTEE, OrgLevel.CITY,
			LocalDate.of(2024, 5, 1));

	static final Post PP = post("a1", "pp", P, TeamRole.PRINCIPAL, "2019-01-01");

	static final Post C1P = post("a2", "c1p", C1, TeamRole.PRINCIPAL, "2021-01-01");

	static final Post DEP = post("a3", "dep", C1, TeamRole.DEPUTY, "2021-01-01");

	static final Post D1P = post("a4", "d1p", D1, TeamRole.PRINCIPAL, "2025-02-01");

	static final Post DEP_IN_D1 = post("a5", "dep", D1, TeamRole.MEMBER, "2022-01-01");

	static final Post M2 = post("a6", "m2", C2, TeamRole.MEMBER, "2022-01-01");

	YearFigures figures;

	static OrgNode node(String id, String parent, List<String> path, OrgKind kind, OrgLevel level,
			LocalDate dissolved) {
		return new OrgNode(id, id, id + "委", kind, level, parent, path, dissolved);
	}

	static Post post(String id, String cadre, OrgNode org, TeamRole role, String start) {
		return new Post(id, cadre, org.id(), org.path(), role, LocalDate.parse(start), null);
	}

	@BeforeEach
	void records() {
		this.figures = new YearFigures(YEAR, List.of(Z, D1, C2, C1, P), Set.of(OrgKind.PARTY_COMMITTEE));
		for (Post post : List.of(PP, C1P, DEP, D1P, DEP_IN_D1, M2)) {
			this.figures.postOnDay(post);
		}
		this.figures.countedPrincipal(C1P);
		this.figures.countedPrincipal(D1P);
		this.figures.add("D1", Figures.builder().findings(2).seriousFindings(2).build());
		this.figures.add("C1", Figures.builder().findings(1).generalFindings(1).build());
		this.figures.add("ELSEWHERE", Figures.builder().findings(99).build());
		this.figures.meeting("C1", true);
		this.figures.meeting("P", false);
	}

	Map<String, Figures> rollUp() {
		Map<String, List<TalkRow>> talks = Map.of("c1p",
				List.of(new TalkRow("c1p", TalkKind.SUPERVISION, LocalDate.of(2025, 4, 1), List.of("pp"))), "d1p",
				List.of(new TalkRow("d1p", TalkKind.APPOINTMENT, LocalDate.of(2025, 2, 20), List.of("c1p"))));
		Map<String, List<Post>> posts = Map.of("c1p", List.of(C1P), "d1p", List.of(D1P), "pp", List.of(PP));
		Map<String, List<Post>> principals = Map.of("P", List.of(PP), "C1", List.of(C1P), "D1", List.of(D1P));
		return this.figures.rollUp(new TalkCoverage(YEAR, posts, principals, talks));
	}

	@Test
	void everyOrganizationExistingInTheYearGetsFiguresInCodeOrder() {
		assertThat(rollUp().keySet()).containsExactly("C1", "C2", "D1", "P");
		assertThat(this.figures.targets()).extracting(OrgNode::id).doesNotContain("Z");
	}

	@Test
	void countsAddUpAlongThePaths() {
		Map<String, Figures> all = rollUp();
		assertThat(all.get("D1").findings()).isEqualTo(2);
		assertThat(all.get("C1").findings()).isEqualTo(3);
		assertThat(all.get("C2").findings()).isZero();
		assertThat(all.get("P").findings()).as("records outside the subtree are ignored").isEqualTo(3);
		assertThat(all.get("P").seriousFindings()).isEqualTo(2);
	}

	@Test
	void aCadreWithTwoPostsInASubtreeCountsOnce() {
		Map<String, Figures> all = rollUp();
		// P: pp, c1p, dep, d1p, m2; C1: c1p, dep, d1p; D1: d1p, dep; C2: m2
		assertThat(all.get("P").cadres()).isEqualTo(5);
		assertThat(all.get("C1").cadres()).isEqualTo(3);
		assertThat(all.get("D1").cadres()).isEqualTo(2);
		assertThat(all.get("C2").cadres()).isEqualTo(1);
	}

	@Test
	void organizationsAndVacanciesOnTheReferenceDay() {
		Map<String, Figures> all = rollUp();
		// Z was dissolved before: not counted; C2 has no principal
		assertThat(all.get("P").organizations()).isEqualTo(4);
		assertThat(all.get("P").vacancies()).isEqualTo(1);
		assertThat(all.get("C1").vacancies()).isZero();
		assertThat(all.get("C2").vacancies()).isEqualTo(1);
		assertThat(this.figures.principalOf("C1")).isEqualTo("c1p");
		assertThat(this.figures.principalOf("C2")).isNull();
	}

	@Test
	void teamsDueAMeetingAreThoseOfTheConfiguredKinds() {
		Map<String, Figures> all = rollUp();
		// teams: P, C1, C2 (committees with posts); D1 is a department. Held: P, C1.
		assertThat(all.get("P").teams()).isEqualTo(3);
		assertThat(all.get("P").teamsWithMeeting()).isEqualTo(2);
		assertThat(all.get("P").meetings()).isEqualTo(2);
		assertThat(all.get("P").meetingsAttended()).isEqualTo(1);
		assertThat(all.get("C2").teams()).isEqualTo(1);
		assertThat(all.get("C2").teamsWithMeeting()).isZero();
		assertThat(all.get("D1").teams()).isZero();
	}

	@Test
	void principalsAreCountedWithTheirTalks() {
		Map<String, Figures> all = rollUp();
		// P: c1p (supervised by pp) and d1p (new, timely appointment talk by c1p)
		Figures p = all.get("P");
		assertThat(p.principals()).isEqualTo(2);
		assertThat(p.principalsWithSupervisionTalk()).isEqualTo(1);
		assertThat(p.newPrincipals()).isEqualTo(1);
		assertThat(p.newPrincipalsWithTimelyTalk()).isEqualTo(1);
		assertThat(all.get("D1").principals()).isEqualTo(1);
		assertThat(all.get("D1").principalsWithSupervisionTalk()).isZero();
		assertThat(all.get("C2").principals()).isZero();
	}

}
