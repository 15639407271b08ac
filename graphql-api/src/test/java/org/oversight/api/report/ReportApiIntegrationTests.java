package org.oversight.api.report;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.oversight.api.test.ApiIntegrationTest;
import org.oversight.api.test.ApiTestSupport;
import org.oversight.api.test.World;
import org.oversight.api.viewer.Role;
import org.oversight.core.finding.Severity;

import static org.assertj.core.api.Assertions.assertThat;

@ApiIntegrationTest
class ReportApiIntegrationTests extends ApiTestSupport {

	@Test
	void generatesReportsAndServesThemRankedWithSignedDownloads() {
		World world = new World(this.fixtures);
		this.fixtures.finding(world.county2, world.county2Principal, Severity.SERIOUS, LocalDate.of(2025, 5, 1));
		account("analyst", null, null, Role.ANALYST).documentName("reports")
			.operationName("generate")
			.variable("year", 2025)
			.execute()
			.path("generateEcologyReports.job")
			.entity(String.class)
			.isEqualTo("ecology-reports")
			.path("generateEcologyReports.state")
			.entity(String.class)
			.isEqualTo("SUCCEEDED");
		List<Double> scores = admin().documentName("reports")
			.operationName("ranked")
			.variable("year", 2025)
			.execute()
			.path("ecologyReports.totalCount")
			.entity(Integer.class)
			.isEqualTo(6)
			.path("ecologyReports.edges[*].node.score")
			.entityList(Double.class)
			.get();
		assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		String url = admin().documentName("reports")
			.operationName("ofOrganization")
			.variable("id", world.county2.id())
			.variable("year", 2025)
			.execute()
			.path("organization.ecologyReport.grade")
			.hasValue()
			.path("organization.ecologyReport.narrative")
			.entity(String.class)
			.satisfies((text) -> assertThat(text).contains("2025年度"))
			.path("organization.ecologyReport.downloadUrl")
			.entity(String.class)
			.get();
		byte[] pdf = client().get()
			.uri(url)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		client().get().uri(url + "x").exchange().expectStatus().isForbidden();
	}

	@Test
	void aDownloadLinkObeysItsUsersScope() {
		World world = new World(this.fixtures);
		admin().documentName("reports").operationName("generate").variable("year", 2025).execute();
		HttpGraphQlTester scoped = account("c2", world.city2.id(), null, Role.VIEWER);
		scoped.documentName("reports")
			.operationName("ranked")
			.variable("year", 2025)
			.execute()
			.path("ecologyReports.edges[*].node.organization.code")
			.entityList(String.class)
			.satisfies((codes) -> assertThat(codes).containsExactlyInAnyOrder("C2", "X2"));
		scoped.documentName("reports")
			.operationName("ofOrganization")
			.variable("id", world.city1.id())
			.variable("year", 2025)
			.execute()
			.path("organization")
			.valueIsNull();
		String url = scoped.documentName("reports")
			.operationName("ofOrganization")
			.variable("id", world.county2.id())
			.variable("year", 2025)
			.execute()
			.path("organization.ecologyReport.downloadUrl")
			.entity(String.class)
			.get();
		client().get().uri(url).exchange().expectStatus().isOk();
		this.accounts.update(
				new org.oversight.api.security.AccountService.UpdateAccount("c2", null, world.city1.id(), null, null));
		client().get().uri(url).exchange().expectStatus().isNotFound();
	}

	@Test
	void riskProfilesAreHiddenFromTheCadreTheyConcern() {
		World world = new World(this.fixtures);
		this.fixtures.finding(world.county2, world.county2Principal, Severity.SERIOUS, LocalDate.of(2025, 5, 1));
		admin().documentName("reports")
			.operationName("risk")
			.variable("id", world.county2Principal.id())
			.variable("year", 2025)
			.execute()
			.path("cadre.risk.factors[*].code")
			.entityList(String.class)
			.contains("FINDINGS");
		account("self", null, world.county2Principal.id(), Role.VIEWER).documentName("reports")
			.operationName("risk")
			.variable("id", world.county2Principal.id())
			.variable("year", 2025)
			.execute()
			.path("cadre.risk")
			.valueIsNull();
		account("viewer", null, null, Role.VIEWER).documentName("reports")
			.operationName("generate")
			.variable("year", 2025)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
		admin().documentName("reports")
			.operationName("generate")
			.variable("year", 2030)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST"));
	}

	@Test
	void talkObligationsAreListedInScope() {
		World world = new World(this.fixtures);
		this.fixtures.appoint(this.fixtures.cadre("新任县委书记"), world.county1, org.oversight.core.cadre.TeamRole.PRINCIPAL,
				LocalDate.of(2026, 4, 1));
		admin().document("mutation { generate: runOverdueSweep { examined } }").execute();
		this.context.getBean(org.oversight.scheduler.SchedulerJobs.class).checkTalkObligations();
		admin().documentName("reports")
			.operationName("obligations")
			.variable("kind", "APPOINTMENT")
			.execute()
			.path("talkObligations.edges[*].node.subject.name")
			.entityList(String.class)
			.contains("新任县委书记");
		account("c2", world.city2.id(), null, Role.VIEWER).documentName("reports")
			.operationName("obligations")
			.variable("kind", "APPOINTMENT")
			.execute()
			.path("talkObligations.totalCount")
			.entity(Integer.class)
			.isEqualTo(0);
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.context.ApplicationContext context;

}
