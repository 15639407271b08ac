package org.oversight.analytics.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.oversight.core.cadre.TeamRole;
import org.oversight.core.talk.TalkKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The talk rules on a hand-made tree: city C above county X above township T. Ma is
 * principal of C, Li of X (from 2024), Wu of T (new on 2025-03-01), Qian deputy of C.
 */
class TalkCoverageTests {

	static final YearPeriod YEAR = YearPeriod.of(2025, LocalDate.of(2026, 6, 15));

	static final Post MA = post("pMa", "ma", "C", List.of("C"), TeamRole.PRINCIPAL, "2020-01-01", null);

	static final Post QIAN = post("pQian", "qian", "C", List.of("C"), TeamRole.DEPUTY, "2020-01-01", null);

	static final Post LI = post("pLi", "li", "X", List.of("C", "X"), TeamRole.PRINCIPAL, "2024-01-01", null);

	static final Post WU = post("pWu", "wu", "T", List.of("C", "X", "T"), TeamRole.PRINCIPAL, "2025-03-01", null);

	static Post post(String id, String cadre, String organization, List<String> path, TeamRole role, String start,
			String end) {
		return new Post(id, cadre, organization, path, role, LocalDate.parse(start),
				(end != null) ? LocalDate.parse(end) : null);
	}

	static TalkRow talk(String subject, TalkKind kind, String date, String... by) {
		return new TalkRow(subject, kind, LocalDate.parse(date), List.of(by));
	}

	static TalkCoverage coverage(TalkRow... talks) {
		Map<String, List<Post>> posts = Map.of("ma", List.of(MA), "qian", List.of(QIAN), "li", List.of(LI), "wu",
				List.of(WU));
		Map<String, List<Post>> principals = Map.of("C", List.of(MA), "X", List.of(LI), "T", List.of(WU));
		Map<String, List<TalkRow>> bySubject = new java.util.HashMap<>();
		for (TalkRow talk : talks) {
			bySubject.computeIfAbsent(talk.subjectId(), (k) -> new java.util.ArrayList<>()).add(talk);
		}
		return new TalkCoverage(YEAR, posts, principals, bySubject);
	}

	@Test
	void theTopPrincipalHasNobodyAboveAndIsNotCounted() {
		Map<String, List<Post>> onDay = Map.of("C", List.of(MA), "X", List.of(LI));
		assertThat(TalkCoverage.hasPrincipalAbove(MA, onDay)).isFalse();
		assertThat(TalkCoverage.hasPrincipalAbove(LI, onDay)).isTrue();
		// the county vacant: the city's principal is still above the township
		assertThat(TalkCoverage.hasPrincipalAbove(WU, Map.of("C", List.of(MA)))).isTrue();
	}

	@Test
	void aPrincipalHoldingTheAncestorPostTooIsNotAboveThemself() {
		Post maAlsoInX = post("pMaX", "ma", "X", List.of("C", "X"), TeamRole.PRINCIPAL, "2024-01-01", null);
		assertThat(TalkCoverage.hasPrincipalAbove(maAlsoInX, Map.of("C", List.of(MA)))).isFalse();
	}

	@Test
	void aSupervisionTalkCountsWhenAnAncestorPrincipalConductsIt() {
		// any ancestor, not only the nearest: the city's principal talks to the
		// township's
		assertThat(coverage(talk("wu", TalkKind.SUPERVISION, "2025-05-01", "ma")).supervised("wu")).isTrue();
		assertThat(coverage(talk("wu", TalkKind.SUPERVISION, "2025-05-01", "qian", "li")).supervised("wu")).isTrue();
	}

	@Test
	void aSupervisionTalkByANonPrincipalOrOutsideTheYearDoesNotCount() {
		assertThat(coverage(talk("wu", TalkKind.SUPERVISION, "2025-05-01", "qian")).supervised("wu")).isFalse();
		assertThat(coverage(talk("li", TalkKind.SUPERVISION, "2024-12-31", "ma")).supervised("li")).isFalse();
		assertThat(coverage(talk("li", TalkKind.REMINDER, "2025-05-01", "ma")).supervised("li")).isFalse();
		// before Wu took the post there was no post of Wu's below Ma's organization
		assertThat(coverage(talk("wu", TalkKind.SUPERVISION, "2025-02-01", "ma")).supervised("wu")).isFalse();
	}

	@Test
	void anAppointmentTalkIsTimelyWithinThirtyDaysOfTheStart() {
		// Wu started 2025-03-01: up to 2025-03-31 is timely
		assertThat(coverage(talk("wu", TalkKind.APPOINTMENT, "2025-03-31", "li")).timelyAppointmentTalk(WU)).isTrue();
		assertThat(coverage(talk("wu", TalkKind.APPOINTMENT, "2025-04-01", "li")).timelyAppointmentTalk(WU)).isFalse();
		assertThat(coverage(talk("wu", TalkKind.APPOINTMENT, "2025-03-05", "qian")).timelyAppointmentTalk(WU))
			.isFalse();
		assertThat(coverage().isNew(WU)).isTrue();
		assertThat(coverage().isNew(LI)).isFalse();
	}

	@Test
	void theDeeperPostPlacesACadre() {
		assertThat(Post.deeper(LI, WU)).isEqualTo(WU);
		Post earlier = post("a", "x", "T", List.of("C", "X", "T"), TeamRole.PRINCIPAL, "2024-01-01", null);
		assertThat(Post.deeper(WU, earlier)).isEqualTo(earlier);
	}

	@Test
	void theReferenceDayIsTheLastDayOfAPastYearOrToday() {
		LocalDate today = LocalDate.of(2026, 6, 15);
		assertThat(YearPeriod.of(2025, today).referenceDay()).isEqualTo(LocalDate.of(2025, 12, 31));
		assertThat(YearPeriod.of(2026, today).referenceDay()).isEqualTo(today);
		assertThat(YearPeriod.of(2025, today).talkWindowEnd()).isEqualTo(LocalDate.of(2026, 1, 30));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> YearPeriod.of(2027, today))
			.isInstanceOf(org.oversight.core.common.DomainException.Invalid.class)
			.hasMessageContaining("year");
	}

}
