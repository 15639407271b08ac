package org.oversight.api.scope;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.oversight.api.test.ApiIntegrationTest;
import org.oversight.api.test.ApiTestSupport;
import org.oversight.api.test.World;
import org.oversight.api.viewer.Role;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.Severity;
import org.oversight.core.rectification.Rectification;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scoped account never sees what lies outside its subtree: searched for in the raw
 * response of every query, not only in the fields the test expects.
 */
@ApiIntegrationTest
class ScopeApiIntegrationTests extends ApiTestSupport {

	World world;

	Finding inside;

	Finding outside;

	Finding aboutLinkedCadre;

	Rectification outsideTask;

	@BeforeEach
	void data() {
		this.world = new World(this.fixtures);
		this.inside = this.fixtures.finding(this.world.county2, this.world.county2Principal, Severity.GENERAL,
				LocalDate.of(2026, 3, 1));
		this.aboutLinkedCadre = this.fixtures.finding(this.world.county2, this.world.city2Principal, Severity.SERIOUS,
				LocalDate.of(2026, 3, 2));
		this.outside = this.fixtures.finding(this.world.township1, this.world.township1Principal, Severity.SERIOUS,
				LocalDate.of(2026, 3, 1));
		this.fixtures.task(this.inside, this.world.county2, LocalDate.of(2026, 5, 1));
		this.outsideTask = this.fixtures.task(this.outside, this.world.township1, LocalDate.of(2026, 5, 1));
	}

	String raw(HttpGraphQlTester tester, String document) {
		return tester.document(document).execute().path("").entity(Object.class).get().toString();
	}

	@Test
	void aScopedViewerSeesOnlyItsSubtreeEverywhere() {
		HttpGraphQlTester viewer = account("c2viewer", this.world.city2.id(), null, Role.VIEWER);
		List<String> forbidden = List.of(this.outside.id(), this.outsideTask.id(), this.world.city1.id(),
				this.world.county1.id(), this.world.township1.id(), this.world.township1Principal.id());
		String everything = raw(viewer,
				"""
						{
						  organizations(first: 500) { totalCount edges { node { id code children { id } team { cadre { id } } } } }
						  findings(first: 500) { totalCount edges { node { id organization { id } subject { id } rectifications { id } } } }
						  rectifications(first: 500) { totalCount edges { node { id responsibleOrganization { id } finding { id } } } }
						  searchOrganizations(text: "") { edges { node { id } } }
						}
						"""
					.replace("searchOrganizations(text: \"\") { edges { node { id } } }", ""));
		for (String id : forbidden) {
			assertThat(everything).as("response leaks %s", id).doesNotContain(id);
		}
		assertThat(everything).contains(this.inside.id()).contains(this.world.county2.id());
		viewer.document("{ organization(id: \"" + this.world.city1.id() + "\") { id } }")
			.execute()
			.path("organization")
			.valueIsNull();
		viewer
			.document("{ finding(id: \"" + this.outside.id() + "\") { id } rectification(id: \"" + this.outsideTask.id()
					+ "\") { id } }")
			.execute()
			.path("finding")
			.valueIsNull()
			.path("rectification")
			.valueIsNull();
		viewer.document("{ finding(id: \"" + this.inside.id() + "\") { id } today }")
			.execute()
			.path("finding.id")
			.entity(String.class)
			.isEqualTo(this.inside.id())
			.path("today")
			.entity(String.class)
			.isEqualTo("2026-06-15");
		viewer.document("{ cadre(id: \"" + this.world.township1Principal.id() + "\") { id } }")
			.execute()
			.path("cadre")
			.valueIsNull();
		viewer.document("{ findings { totalCount } rectifications { totalCount } organizations { totalCount } }")
			.execute()
			.path("findings.totalCount")
			.entity(Integer.class)
			.isEqualTo(2)
			.path("rectifications.totalCount")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("organizations.totalCount")
			.entity(Integer.class)
			.isEqualTo(2);
	}

	@Test
	void outOfScopeAncestorsAndSupervisorsAppearByIdentityOnly() {
		HttpGraphQlTester viewer = account("c2viewer", this.world.city2.id(), null, Role.VIEWER);
		viewer
			.document(
					"""
							{ organization(id: "%s") {
							    ancestors { code name parent { code } children { code } principal { name } team { role } dissolvedOn }
							} }"""
						.formatted(this.world.county2.id()))
			.execute()
			.path("organization.ancestors[*].code")
			.entityList(String.class)
			.containsExactly("P", "C2")
			.path("organization.ancestors[0].name")
			.entity(String.class)
			.isEqualTo("P党委")
			.path("organization.ancestors[0].children")
			.entityList(Object.class)
			.hasSize(0)
			.path("organization.ancestors[0].principal")
			.valueIsNull()
			.path("organization.ancestors[0].team")
			.entityList(Object.class)
			.hasSize(0);
		viewer
			.document(
					"""
							{ cadre(id: "%s") { supervisors { kind supervisor { name birthYear appointments { id } supervisionChain { id } } } } }"""
						.formatted(this.world.city2Principal.id()))
			.execute()
			.path("cadre.supervisors[0].supervisor.name")
			.entity(String.class)
			.isEqualTo("省委书记")
			.path("cadre.supervisors[0].supervisor.birthYear")
			.valueIsNull()
			.path("cadre.supervisors[0].supervisor.appointments")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void changesOutsideTheScopeAreForbiddenAndChangeNothing() {
		HttpGraphQlTester inspector = account("c2inspector", this.world.city2.id(), null, Role.INSPECTOR);
		inspector
			.document("""
					mutation { registerFinding(input: { source: PETITION, category: INTEGRITY, severity: GENERAL,
					  description: "越权", organizationId: "%s", reportedOn: "2026-03-01" }) { id } }"""
				.formatted(this.world.township1.id()))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
		inspector
			.document("mutation { reportProgress(id: \"%s\", note: \"越权\", version: 1) { id } }"
				.formatted(this.outsideTask.id()))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
		admin().document(
				"{ findings { totalCount } rectification: rectifications(under: \"%s\") { edges { node { version } } } }"
					.formatted(this.world.township1.id()))
			.execute()
			.path("findings.totalCount")
			.entity(Integer.class)
			.isEqualTo(3)
			.path("rectification.edges[0].node.version")
			.entity(Integer.class)
			.isEqualTo(1);
	}

	@Test
	void anAccountLinkedToACadreNeverSeesFindingsAboutThatCadre() {
		HttpGraphQlTester linked = account("linked", null, this.world.city2Principal.id(), Role.INSPECTOR);
		String all = raw(linked, "{ findings(first: 500) { totalCount edges { node { id } } } }");
		assertThat(all).doesNotContain(this.aboutLinkedCadre.id()).contains(this.inside.id());
		linked.document("{ cadre(id: \"%s\") { findings { totalCount } } }".formatted(this.world.city2Principal.id()))
			.execute()
			.path("cadre.findings.totalCount")
			.entity(Integer.class)
			.isEqualTo(0);
		linked
			.document("mutation { dismissFinding(id: \"%s\", reason: \"自清\") { id } }"
				.formatted(this.aboutLinkedCadre.id()))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("NOT_FOUND"));
	}

}
