package org.oversight.core.coverage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.talk.TalkKind;
import org.oversight.core.talk.TalkService;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.MongoIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A talk counts when its conductor is, on its date, the principal of an ancestor of any
 * organization where the subject holds a post: also a post outside the subtree asked
 * about, which coverage reads only for the subjects its principal posts did not decide.
 */
@MongoIntegrationTest
class CoverageIntegrationTests {

	static final LocalDate BEFORE = LocalDate.of(2024, 1, 1);

	@Autowired
	Fixtures fixtures;

	@Autowired
	TalkService talks;

	@Autowired
	CoverageService coverage;

	@Test
	void aTalkCountsThroughThePrincipalAboveAnyPostOfTheSubject() {
		Organization province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		Organization city = this.fixtures.org("P-C1", OrgLevel.CITY, province);
		Organization otherCity = this.fixtures.org("P-C2", OrgLevel.CITY, province);
		Organization department = this.fixtures.org("P-C2-D", OrgLevel.COUNTY, otherCity);
		Organization county1 = this.fixtures.org("P-C1-K1", OrgLevel.COUNTY, city);
		Organization county2 = this.fixtures.org("P-C1-K2", OrgLevel.COUNTY, city);
		Organization county3 = this.fixtures.org("P-C1-K3", OrgLevel.COUNTY, city);
		principal("省委书记", province, BEFORE);
		principal("市委书记", city, BEFORE);
		Cadre otherSecretary = principal("另一市委书记", otherCity, BEFORE);
		// S leads county 1 and sits on a body of the other city
		Cadre s = principal("甲", county1, BEFORE);
		this.fixtures.appoint(s, department, TeamRole.MEMBER, BEFORE);
		// T leads county 2 and holds nothing in the other city
		Cadre t = principal("乙", county2, BEFORE);
		// U leads county 3 from March 2025 and took a post in the other city in February
		Cadre u = principal("丙", county3, LocalDate.of(2025, 3, 1));
		this.fixtures.appoint(u, department, TeamRole.MEMBER, LocalDate.of(2025, 2, 1));

		talk(TalkKind.SUPERVISION, LocalDate.of(2025, 5, 1), s, otherSecretary, otherCity);
		talk(TalkKind.SUPERVISION, LocalDate.of(2025, 5, 1), t, otherSecretary, otherCity);
		talk(TalkKind.APPOINTMENT, LocalDate.of(2025, 3, 10), u, otherSecretary, otherCity);

		Coverage result = this.coverage.coverage(city, 2025);
		Map<String, Coverage.CountedPrincipal> byCadre = result.principals()
			.stream()
			.collect(Collectors.toMap(Coverage.CountedPrincipal::cadreId, (p) -> p));
		assertThat(byCadre).containsKeys(s.id(), t.id(), u.id());
		assertThat(byCadre.get(s.id()).supervisionTalk()).isTrue();
		assertThat(byCadre.get(t.id()).supervisionTalk()).isFalse();
		assertThat(byCadre.get(u.id()).isNew()).isTrue();
		assertThat(byCadre.get(u.id()).timelyAppointmentTalk()).isTrue();
		assertThat(byCadre.get(u.id()).supervisionTalk()).isFalse();
		assertThat(result.withSupervisionTalk()).isEqualTo(1);
		assertThat(result.withTimelyAppointmentTalk()).isEqualTo(1);
	}

	private Cadre principal(String name, Organization organization, LocalDate start) {
		Cadre cadre = this.fixtures.cadre(name);
		this.fixtures.appoint(cadre, organization, TeamRole.PRINCIPAL, start);
		return cadre;
	}

	private void talk(TalkKind kind, LocalDate date, Cadre subject, Cadre conductor, Organization organization) {
		this.talks.record(new TalkService.RecordTalk(kind, date, subject.id(), List.of(conductor.id()),
				organization.id(), "谈话", List.of()));
	}

}
