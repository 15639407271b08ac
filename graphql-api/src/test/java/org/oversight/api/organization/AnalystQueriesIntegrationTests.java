package org.oversight.api.organization;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.oversight.api.test.ApiIntegrationTest;
import org.oversight.api.test.ApiTestSupport;
import org.oversight.api.test.World;
import org.oversight.core.finding.Severity;

import static org.assertj.core.api.Assertions.assertThat;

/** The queries beyond the contract that analysts and dashboards use. */
@ApiIntegrationTest
class AnalystQueriesIntegrationTests extends ApiTestSupport {

	@Test
	void searchFindsOrganizationsAndCadresByChineseNameOrCode() {
		new World(this.fixtures);
		admin().document("{ searchOrganizations(text: \"c1\") { totalCount edges { node { code } } } }")
			.execute()
			.path("searchOrganizations.edges[*].node.code")
			.entityList(String.class)
			.containsExactly("C1");
		admin().document("{ searchCadres(text: \"一市\") { edges { node { name } } } }")
			.execute()
			.path("searchCadres.edges[*].node.name")
			.entityList(String.class)
			.satisfies((names) -> assertThat(names).containsExactlyInAnyOrder("一市书记", "一市纪委书记", "一市副市长"));
		admin().document("{ searchCadres(text: \"  \") { totalCount } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST"));
	}

	@Test
	void blindSpotsTeamsWithoutSecretaryAndTransitiveSupervision() {
		World world = new World(this.fixtures);
		admin()
			.document(
					"{ blindSpots(organizationId: \"%s\") { vacancies { code } principalsWithoutSupervisor { name } } }"
						.formatted(world.province.id()))
			.execute()
			.path("blindSpots.vacancies[*].code")
			.entityList(String.class)
			.containsExactly("X1")
			.path("blindSpots.principalsWithoutSupervisor[*].name")
			.entityList(String.class)
			.containsExactly("省委书记");
		admin().document("{ teamsWithoutDisciplineSecretary { edges { node { code } } } }")
			.execute()
			.path("teamsWithoutDisciplineSecretary.edges[*].node.code")
			.entityList(String.class)
			.satisfies((codes) -> assertThat(codes).contains("P", "C2", "X2", "T1").doesNotContain("C1", "X1"));
		admin()
			.document(
					"{ cadre(id: \"%s\") { supervisedTransitively { name } } }".formatted(world.provincePrincipal.id()))
			.execute()
			.path("cadre.supervisedTransitively[*].name")
			.entityList(String.class)
			.satisfies((names) -> assertThat(names).containsExactlyInAnyOrder("一市书记", "二市书记", "一市纪委书记", "一市副市长", "一镇书记",
					"二县书记"));
		admin().document("{ wideSpans(atLeast: 2) { cadre { name } span organization { code } } }")
			.execute()
			.path("wideSpans[0].cadre.name")
			.entity(String.class)
			.isEqualTo("一市书记")
			.path("wideSpans[0].span")
			.entity(Integer.class)
			.isEqualTo(3);
	}

	@Test
	void breakdownsCountEachChildsSubtree() {
		World world = new World(this.fixtures);
		this.fixtures.finding(world.township1, null, Severity.SERIOUS, LocalDate.of(2026, 1, 1));
		this.fixtures.finding(world.county1, null, Severity.GENERAL, LocalDate.of(2026, 1, 1));
		this.fixtures.finding(world.county2, null, Severity.SERIOUS, LocalDate.of(2026, 1, 1));
		admin()
			.document(
					"""
							{ findingBreakdown(under: "%s", by: SEVERITY) { organization { code } total counts { key label count } } }"""
						.formatted(world.province.id()))
			.execute()
			.path("findingBreakdown[*].organization.code")
			.entityList(String.class)
			.containsExactly("C1", "C2")
			.path("findingBreakdown[0].total")
			.entity(Integer.class)
			.isEqualTo(2)
			.path("findingBreakdown[0].counts[?(@.key == 'SERIOUS')].count")
			.entityList(Integer.class)
			.containsExactly(1)
			.path("findingBreakdown[0].counts[?(@.key == 'SERIOUS')].label")
			.entityList(String.class)
			.containsExactly("严重问题");
	}

	@Test
	void listsCanBeOrderedOtherwise() {
		World world = new World(this.fixtures);
		var first = this.fixtures.finding(world.county2, null, Severity.GENERAL, LocalDate.of(2026, 1, 1));
		var second = this.fixtures.finding(world.county2, world.county2Principal, Severity.SERIOUS,
				LocalDate.of(2026, 2, 1));
		this.fixtures.task(first, world.county2, LocalDate.of(2026, 9, 1));
		this.fixtures.task(second, world.county2, LocalDate.of(2026, 3, 1));
		admin().document("{ findings(orderBy: REPORTED_OLDEST) { edges { node { reportedOn } } } }")
			.execute()
			.path("findings.edges[*].node.reportedOn")
			.entityList(String.class)
			.containsExactly("2026-01-01", "2026-02-01");
		admin().document("{ rectifications(orderBy: DEADLINE_LATEST) { edges { node { deadline } } } }")
			.execute()
			.path("rectifications.edges[*].node.deadline")
			.entityList(String.class)
			.containsExactly("2026-09-01", "2026-03-01");
		admin().document("{ rectifications { edges { node { deadline } } } }")
			.execute()
			.path("rectifications.edges[*].node.deadline")
			.entityList(String.class)
			.containsExactly("2026-03-01", "2026-09-01");
	}

}
