package org.oversight.api.cadre;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;

import org.oversight.api.test.ApiIntegrationTest;
import org.oversight.api.test.ApiTestSupport;
import org.oversight.api.test.CommandCounter;
import org.oversight.api.viewer.Role;
import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.supervision.SupervisionKind;
import org.oversight.core.supervision.SupervisionService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cadre's supervision as the dashboard asks for it (the chain, the supervisors, the
 * supervisees, their posts): one request reads each post, team, stored edge and cadre
 * once, in a fixed number of commands; the answer is the one each field gives when asked
 * alone, within the caller's scope, and a later request sees what was stored meanwhile.
 */
@ApiIntegrationTest
@Import(CommandCounter.Registration.class)
class SupervisionQueryIntegrationTests extends ApiTestSupport {

	/** The guide's {@code supervisionGraph} query, by id. */
	static final String SUPERVISION = """
			query($id: ID!) {
			  cadre(id: $id) {
			    name
			    currentPosts { title role organization { code name } }
			    supervisionChain { name currentPosts { title } }
			    chainDepth
			    spanOfControl
			    supervisors { kind derived supervisor { name } organization { name } }
			    supervisees { kind derived subject { name currentPosts { title } } organization { name } }
			  }
			}""";

	static final List<String> FIELDS = List.of("currentPosts { title role organization { code name } }",
			"supervisionChain { name currentPosts { title } }", "chainDepth", "spanOfControl",
			"supervisors { kind derived supervisor { name } organization { name } }",
			"supervisees { kind derived subject { name currentPosts { title } } organization { name } }");

	static final LocalDate SINCE = LocalDate.of(2024, 1, 1);

	@Autowired
	CommandCounter counter;

	@Autowired
	SupervisionService supervisions;

	Organization county;

	Cadre countyPrincipal;

	/**
	 * A province, a city, a county with its team and three townships: two with principals
	 * (one with a village below), one vacant with a village below; stored edges into and
	 * out of the county's principal.
	 */
	@BeforeEach
	void aCountyWithItsTeamAndTownships() {
		Organization province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		Organization city = this.fixtures.org("C", OrgLevel.CITY, province);
		this.county = this.fixtures.org("X", OrgLevel.COUNTY, city);
		appoint("省委书记", province, TeamRole.PRINCIPAL);
		appoint("副省长", province, TeamRole.DEPUTY);
		appoint("市委书记", city, TeamRole.PRINCIPAL);
		Cadre citySecretary = appoint("市纪委书记", city, TeamRole.DISCIPLINE_SECRETARY);
		this.countyPrincipal = appoint("县委书记", this.county, TeamRole.PRINCIPAL);
		appoint("县纪委书记", this.county, TeamRole.DISCIPLINE_SECRETARY);
		appoint("副县长", this.county, TeamRole.DEPUTY);
		appoint("县委常委", this.county, TeamRole.MEMBER);
		Organization t1 = this.fixtures.org("T1", OrgLevel.TOWNSHIP, this.county);
		Organization t2 = this.fixtures.org("T2", OrgLevel.TOWNSHIP, this.county);
		Organization t3 = this.fixtures.org("T3", OrgLevel.TOWNSHIP, this.county);
		appoint("一镇书记", t1, TeamRole.PRINCIPAL);
		Cadre t2Principal = appoint("二镇书记", t2, TeamRole.PRINCIPAL);
		appoint("一村书记", this.fixtures.org("V1", OrgLevel.VILLAGE, t1), TeamRole.PRINCIPAL);
		appoint("三村书记", this.fixtures.org("V3", OrgLevel.VILLAGE, t3), TeamRole.PRINCIPAL);
		this.supervisions.add(new SupervisionService.AddSupervision(citySecretary.id(), this.countyPrincipal.id(),
				SupervisionKind.STATIONED, this.county.id(), SINCE, null));
		this.supervisions.add(new SupervisionService.AddSupervision(this.countyPrincipal.id(), t2Principal.id(),
				SupervisionKind.ASSIGNED, t2.id(), SINCE, null));
	}

	Cadre appoint(String name, Organization organization, TeamRole role) {
		Cadre cadre = this.fixtures.cadre(name);
		this.fixtures.appoint(cadre, organization, role, SINCE);
		return cadre;
	}

	Map<String, Object> cadre(GraphQlTester tester, String document) {
		return tester.document(document)
			.variable("id", this.countyPrincipal.id())
			.execute()
			.path("cadre")
			.entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	@Test
	void aCountyPrincipalsSupervision() {
		Map<String, Object> answer = cadre(admin(), SUPERVISION);
		assertThat(answer).containsEntry("chainDepth", 2).containsEntry("spanOfControl", 6);
		assertThat(names(answer, "supervisionChain")).containsExactly("市委书记", "省委书记");
		assertThat(edges(answer, "supervisors", "supervisor")).containsExactly("UPPER_PRINCIPAL 市委书记 X党委",
				"DISCIPLINE_SECRETARY 县纪委书记 X党委", "STATIONED 市纪委书记 X党委");
		assertThat(edges(answer, "supervisees", "subject")).containsExactly("UPPER_PRINCIPAL 一镇书记 T1党委",
				"UPPER_PRINCIPAL 三村书记 V3党委", "UPPER_PRINCIPAL 二镇书记 T2党委", "PRINCIPAL_OVER_TEAM 副县长 X党委",
				"PRINCIPAL_OVER_TEAM 县委常委 X党委", "PRINCIPAL_OVER_TEAM 县纪委书记 X党委", "ASSIGNED 二镇书记 T2党委");
	}

	@Test
	void eachFieldAnswersAsWhenAskedAlone() {
		Map<String, Object> together = cadre(admin(), SUPERVISION);
		Map<String, Object> alone = new LinkedHashMap<>();
		alone.put("name", together.get("name"));
		for (String field : FIELDS) {
			alone.putAll(cadre(admin(), "query($id: ID!) { cadre(id: $id) { " + field + " } }"));
		}
		assertThat(together).isEqualTo(alone);
	}

	/**
	 * 23 commands (32 before the query's memo): the account (HTTP Basic); the cadre;
	 * their posts (a list, then the posts by id); the teams on their path, which give the
	 * chain its principals as well; the posts of the principals up the chain; the stored
	 * edges both ways (their lists, then the edges by id); the organizations below them
	 * level by level, as far as an UPPER_PRINCIPAL edge can reach (each level's children
	 * lists, then its principals through the seats: three levels here); every cadre
	 * shown, once; the organizations; the posts of the supervisees (the only cadres whose
	 * posts were not read yet). The count grows with the depth of the tree (at most five
	 * levels), never with the number of organizations or edges.
	 */
	@Test
	void theWholeQueryReadsEachRecordOnce() {
		GraphQlTester.Request<?> request = admin().document(SUPERVISION).variable("id", this.countyPrincipal.id());
		this.counter.reset();
		request.execute().errors().verify();
		// 23 reads, and the stamp read before computing: the three parts kept (chains,
		// supervisors, supervisees) take theirs from it
		assertThat(this.counter.total()).as("commands: %s", this.counter.byCommand()).isEqualTo(24);
		assertThat(this.counter.byCommand()).hasEntrySatisfying("find cadres", (n) -> assertThat(n).hasValue(2))
			.hasEntrySatisfying("find supervisions", (n) -> assertThat(n).hasValue(1))
			.hasEntrySatisfying("find organizations", (n) -> assertThat(n).hasValue(1))
			.hasEntrySatisfying("find write_epochs", (n) -> assertThat(n).hasValue(1));

		// asked again with nothing written: the whole answer was kept
		this.counter.reset();
		request.execute().errors().verify();
		assertThat(this.counter.byCommand()).as("commands asked again")
			.containsOnlyKeys("find write_epochs", "find accounts");

		// another document asking the same: computed, but the kept parts read nothing
		this.counter.reset();
		admin().document(SUPERVISION.replace("query", "query again"))
			.variable("id", this.countyPrincipal.id())
			.execute()
			.errors()
			.verify();
		assertThat(this.counter.byCommand()).as("commands of another document")
			.doesNotContainKeys("find supervisions", "find principal_seats")
			.hasEntrySatisfying("find write_epochs", (n) -> assertThat(n).hasValue(1));
		assertThat(this.counter.total()).isLessThan(20);
	}

	@Test
	void aScopedCallerSeesTheChainAboveItsScopeByIdentityOnly() {
		GraphQlTester county = account("county", this.county.id(), null, Role.VIEWER);
		Map<String, Object> answer = cadre(county, SUPERVISION);
		assertThat(names(answer, "supervisionChain")).containsExactly("市委书记", "省委书记");
		assertThat(list(answer, "supervisionChain"))
			.allSatisfy((c) -> assertThat(c.get("currentPosts")).isEqualTo(List.of()));
		assertThat(list(answer, "supervisees"))
			.allSatisfy((e) -> assertThat((List<?>) ((Map<?, ?>) e.get("subject")).get("currentPosts")).isNotEmpty());
		assertThat(list(answer, "currentPosts")).hasSize(1);
	}

	@Test
	void aLaterRequestSeesWhatWasStoredMeanwhile() {
		assertThat(cadre(admin(), SUPERVISION)).containsEntry("spanOfControl", 6);
		appoint("新任副县长", this.county, TeamRole.DEPUTY);
		Map<String, Object> after = cadre(admin(), SUPERVISION);
		assertThat(after).containsEntry("spanOfControl", 7);
		assertThat(edges(after, "supervisees", "subject")).contains("PRINCIPAL_OVER_TEAM 新任副县长 X党委");
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Map<String, Object> answer, String field) {
		return (List<Map<String, Object>>) answer.get(field);
	}

	static List<String> names(Map<String, Object> answer, String field) {
		return list(answer, field).stream().map((c) -> (String) c.get("name")).toList();
	}

	static List<String> edges(Map<String, Object> answer, String field, String end) {
		return list(answer, field).stream()
			.map((e) -> e.get("kind") + " " + ((Map<?, ?>) e.get(end)).get("name") + " "
					+ ((Map<?, ?>) e.get("organization")).get("name"))
			.toList();
	}

}
