package org.oversight.api.graphql;

import java.time.LocalDate;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;

import org.oversight.api.test.ApiIntegrationTest;
import org.oversight.api.test.ApiTestSupport;
import org.oversight.api.test.CommandCounter;
import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.mongo.WriteEpochs;
import org.oversight.core.finding.Severity;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database commands a dashboard query sends do not grow with the page size: one for
 * the root list, one per batched field, one per totalCount.
 */
@ApiIntegrationTest
@Import(CommandCounter.Registration.class)
class RoundTripIntegrationTests extends ApiTestSupport {

	@Autowired
	CommandCounter counter;

	@Autowired
	WriteEpochs epochs;

	Organization city;

	@BeforeEach
	void cityWithTwentyCounties() {
		Organization province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		this.city = this.fixtures.org("C", OrgLevel.CITY, province);
		Cadre top = this.fixtures.cadre("市委书记");
		this.fixtures.appoint(top, this.city, TeamRole.PRINCIPAL, LocalDate.of(2020, 1, 1));
		for (int i = 10; i < 30; i++) {
			Organization county = this.fixtures.org("X" + i, OrgLevel.COUNTY, this.city);
			Organization township = this.fixtures.org("T" + i, OrgLevel.TOWNSHIP, county);
			Cadre principal = this.fixtures.cadre("县委书记" + i);
			this.fixtures.appoint(principal, county, TeamRole.PRINCIPAL, LocalDate.of(2022, 1, 1));
			this.fixtures.appoint(this.fixtures.cadre("副县长" + i), county, TeamRole.DEPUTY, LocalDate.of(2022, 1, 1));
			var finding = this.fixtures.finding(township, principal, Severity.GENERAL, LocalDate.of(2026, 1, 1));
			this.fixtures.task(finding, township, LocalDate.of(2026, 3, 1));
		}
	}

	int commands(Function<Integer, GraphQlTester.Request<?>> query, int pageSize) {
		GraphQlTester.Request<?> request = query.apply(pageSize);
		computeAgain();
		this.counter.reset();
		request.execute().errors().verify();
		return this.counter.total();
	}

	void sameForSmallAndLargePages(String name, Function<Integer, GraphQlTester.Request<?>> query) {
		// the counts this process keeps summed (read again only when changed) in the same
		// state for both
		commands(query, 20);
		int small = commands(query, 2);
		int large = commands(query, 20);
		assertThat(large).as(name + ": commands for 20 rows (" + this.counter.byCommand() + ") vs 2 rows")
			.isEqualTo(small);
	}

	@Test
	void childrenWithPrincipalsTeamsAndOverdueCounts() {
		sameForSmallAndLargePages("counties", (n) -> admin().document("""
				query($under: ID, $n: Int) {
				  organizations(under: $under, level: COUNTY, first: $n) {
				    totalCount
				    edges { node { code principal { name } team { role cadre { name } }
				      rectifications(includeDescendants: true, filter: { overdue: true }) { totalCount }
				      findings(includeDescendants: true) { totalCount } } }
				  }
				}""").variable("under", this.city.id()).variable("n", n));
	}

	@Test
	void theOverdueListWithItsFindingsAndReminders() {
		admin().documentName("runOverdueSweep").variable("asOf", "2026-04-30").execute();
		sameForSmallAndLargePages("overdue list", (n) -> admin().document("""
				query($under: ID, $n: Int) {
				  rectifications(under: $under, filter: { overdue: true }, first: $n) {
				    totalCount
				    edges { node { id daysOverdue responsibleOrganization { name ancestors { name } }
				      finding { description subject { name } organization { code } }
				      reminders { level issuedOn issuedTo { name } } } }
				  }
				}""").variable("under", this.city.id()).variable("n", n));
	}

	/**
	 * As after a write: results kept from an earlier request (coverage, blind spots) are
	 * computed again, so that the commands counted are those of computing them.
	 */
	void computeAgain() {
		this.epochs.writtenAll();
		this.epochs.flush();
	}

	int commands(String document) {
		GraphQlTester.Request<?> request = admin().document(document).variable("id", this.city.id());
		computeAgain();
		this.counter.reset();
		request.execute().errors().verify();
		return this.counter.total();
	}

	/** A vacancy and a principal of the same organizations: one read of their seats. */
	@Test
	void vacancyBesidePrincipalsReadsNothingMore() {
		int principals = commands("query($id: ID!) { organization(id: $id) { children { principal { name } } } }");
		int both = commands("query($id: ID!) { organization(id: $id) { children { vacant principal { name } } } }");
		assertThat(both).as("%s", this.counter.byCommand()).isEqualTo(principals);
	}

	/**
	 * The blind spots of the organization whose coverage the same query asks for: its
	 * subtree and principals are read once, the blind spots add only their cadres (the
	 * stamp they are kept with is the request's, read once).
	 */
	@Test
	void blindSpotsBesideCoverageReadOnlyTheirCadres() {
		int coverage = commands(
				"query($id: ID!) { supervisionCoverage(organizationId: $id, year: 2025) { principals newPrincipals } }");
		int both = commands("""
				query($id: ID!) {
				  supervisionCoverage(organizationId: $id, year: 2025) { principals newPrincipals }
				  blindSpots(organizationId: $id) { vacancies { code } principalsWithoutSupervisor { name } }
				}""");
		assertThat(both).as("%s", this.counter.byCommand()).isEqualTo(coverage + 1);
	}

	@Test
	void principalsWithTheirSupervisionEdgesAndChains() {
		sameForSmallAndLargePages("supervision", (n) -> admin().document("""
				query($under: ID, $n: Int) {
				  organizations(under: $under, level: COUNTY, first: $n) {
				    edges { node { principal { name supervisionChain { name }
				      supervisors { kind supervisor { name } }
				      supervisees { kind subject { name } } } } }
				  }
				}""").variable("under", this.city.id()).variable("n", n));
	}

	/**
	 * The uncovered principals (the twenty county principals: nobody talked to them) come
	 * a page at a time, and only the page's cadres are read; a total alone reads none.
	 */
	@Test
	void uncoveredPrincipalsReadOnlyThePageAsked() {
		int bare = commands("query($id: ID!) { supervisionCoverage(organizationId: $id, year: 2025) { principals } }");
		int total = commands("""
				query($id: ID!) {
				  supervisionCoverage(organizationId: $id, year: 2025) { principals uncovered { totalCount } }
				}""");
		assertThat(total).as("%s", this.counter.byCommand()).isEqualTo(bare);
		String page = """
				query($id: ID!, $after: String) {
				  supervisionCoverage(organizationId: $id, year: 2025) {
				    uncovered(first: 3, after: $after) { totalCount edges { cursor node { name } } pageInfo { hasNextPage } }
				  }
				}""";
		computeAgain();
		this.counter.reset();
		GraphQlTester.Response first = admin().document(page).variable("id", this.city.id()).execute();
		assertThat(this.counter.idsAsked("cadres")).isEqualTo(3);
		first.path("supervisionCoverage.uncovered.totalCount").entity(Integer.class).isEqualTo(20);
		first.path("supervisionCoverage.uncovered.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		java.util.List<String> names = first.path("supervisionCoverage.uncovered.edges[*].node.name")
			.entityList(String.class)
			.hasSize(3)
			.get();
		java.util.List<String> cursors = first.path("supervisionCoverage.uncovered.edges[*].cursor")
			.entityList(String.class)
			.get();
		java.util.List<String> next = admin().document(page)
			.variable("id", this.city.id())
			.variable("after", cursors.get(2))
			.execute()
			.path("supervisionCoverage.uncovered.edges[*].node.name")
			.entityList(String.class)
			.hasSize(3)
			.get();
		assertThat(names).allMatch((name) -> name.startsWith("县委书记")).doesNotContainAnyElementsOf(next);
	}

	/**
	 * Asked again with nothing written meanwhile, the whole answer was kept: the stamps
	 * and the account are all that is read. Asked by another document, coverage and blind
	 * spots are answered from what the services kept: the stamp, the organization asked
	 * about, the unsupervised principals' names and the account.
	 */
	@Test
	void coverageAndBlindSpotsAskedAgainReadOnlyTheirStamps() {
		String document = """
				query($id: ID!) {
				  supervisionCoverage(organizationId: $id, year: 2025) { principals uncovered { totalCount } }
				  blindSpots(organizationId: $id) { vacancies { code } principalsWithoutSupervisor { name } }
				}""";
		int computed = commands(document);
		String kept = answer(document);
		assertThat(this.counter.byCommand()).containsOnlyKeys("find write_epochs", "find accounts");
		assertThat(this.counter.total()).isEqualTo(2);

		assertThat(answer(document.replace("query", "query again"))).isEqualTo(kept);
		assertThat(this.counter.byCommand()).as("computed with %d commands", computed)
			.containsOnlyKeys("find write_epochs", "find organizations", "find cadres", "find accounts");
		assertThat(this.counter.byCommand().get("find write_epochs")).hasValue(1);
		assertThat(this.counter.byCommand().get("find organizations")).hasValue(1);
		assertThat(computed).isGreaterThan(this.counter.total() + 5);
	}

	/** The answer to the document about the city, its commands counted. */
	String answer(String document) {
		this.counter.reset();
		return admin().document(document)
			.variable("id", this.city.id())
			.execute()
			.path("")
			.entity(Object.class)
			.get()
			.toString();
	}

}
