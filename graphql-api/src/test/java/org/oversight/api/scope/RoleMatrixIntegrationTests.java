package org.oversight.api.scope;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
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
 * Every mutation of the contract, tried by an account of every role: the roles of the
 * contract README may, the others get FORBIDDEN and the database does not change.
 */
@ApiIntegrationTest
class RoleMatrixIntegrationTests extends ApiTestSupport {

	@Autowired
	MongoTemplate mongo;

	record Case(String name, Set<Role> allowed, Function<Fixture, String> document) {
	}

	record Fixture(World world, Finding finding, Rectification task, String appointmentId, String edgeId) {
	}

	static final Set<Role> ORGANIZATION = EnumSet.of(Role.ADMIN, Role.ORGANIZATION);

	static final Set<Role> INSPECTOR = EnumSet.of(Role.ADMIN, Role.INSPECTOR);

	static final Set<Role> TALKS = EnumSet.of(Role.ADMIN, Role.ORGANIZATION, Role.INSPECTOR);

	static final List<Case> CASES = List.of(new Case("createOrganization", ORGANIZATION, (f) -> """
			mutation { createOrganization(input: { code: "NEW-%s", name: "新组织", kind: DEPARTMENT,
			  level: CITY, parentId: "%s" }) { id } }""".formatted(System.nanoTime(), f.world().city2.id())),
			new Case("moveOrganization", ORGANIZATION,
					(f) -> "mutation { moveOrganization(id: \"%s\", newParentId: \"%s\") { id } }"
						.formatted(f.world().county2.id(), f.world().city2.id())),
			new Case("dissolveOrganization", ORGANIZATION,
					(f) -> "mutation { dissolveOrganization(id: \"%s\", on: \"2026-01-01\") { id } }"
						.formatted(f.world().county2.id())),
			new Case("registerCadre", ORGANIZATION,
					(f) -> "mutation { registerCadre(input: { code: \"R-%s\", name: \"新干部\" }) { id } }"
						.formatted(System.nanoTime())),
			new Case("appoint", ORGANIZATION, (f) -> """
					mutation { appoint(input: { cadreId: "%s", organizationId: "%s", role: MEMBER, title: "成员",
					  start: "2026-01-01" }) { id } }""".formatted(f.world().city1Deputy.id(), f.world().county2.id())),
			new Case("endAppointment", ORGANIZATION,
					(f) -> "mutation { endAppointment(id: \"%s\", end: \"2026-05-01\") { id } }"
						.formatted(f.appointmentId())),
			new Case("addSupervision", ORGANIZATION,
					(f) -> """
							mutation { addSupervision(input: { supervisorId: "%s", subjectId: "%s", kind: ASSIGNED,
							  organizationId: "%s", from: "2026-01-01" }) { id } }""".formatted(
							f.world().city2Principal.id(), f.world().county2Principal.id(), f.world().county2.id())),
			new Case("endSupervision", ORGANIZATION,
					(f) -> "mutation { endSupervision(id: \"%s\", to: \"2026-05-01\") { id } }".formatted(f.edgeId())),
			new Case("recordTalk", TALKS,
					(f) -> """
							mutation { recordTalk(input: { kind: SUPERVISION, date: "2026-03-01", subjectId: "%s",
							  conductedByIds: ["%s"], organizationId: "%s" }) { id } }""".formatted(
							f.world().county2Principal.id(), f.world().city2Principal.id(), f.world().county2.id())),
			new Case("recordMeeting", ORGANIZATION, (f) -> """
					mutation { recordMeeting(input: { organizationId: "%s", date: "2026-01-10", theme: "主题",
					  issuesRaised: 2 }) { id } }""".formatted(f.world().county2.id())),
			new Case("recordInterference", ORGANIZATION, (f) -> """
					mutation { recordInterference(input: { organizationId: "%s", cadreId: "%s", date: "2026-01-10",
					  matter: "事项" }) { id } }""".formatted(f.world().county2.id(), f.world().county2Principal.id())),
			new Case("registerFinding", INSPECTOR,
					(f) -> """
							mutation { registerFinding(input: { source: AUDIT, category: OTHER, severity: GENERAL,
							  description: "问题", organizationId: "%s", reportedOn: "2026-02-01" }) { id } }"""
						.formatted(f.world().county2.id())),
			new Case("correctFinding", INSPECTOR,
					(f) -> "mutation { correctFinding(id: \"%s\", input: { severity: SERIOUS }) { id } }"
						.formatted(f.finding().id())),
			new Case("dismissFinding", INSPECTOR,
					(f) -> "mutation { dismissFinding(id: \"%s\", reason: \"不实\") { id } }"
						.formatted(f.finding().id())),
			new Case("assignRectification", INSPECTOR,
					(f) -> """
							mutation { assignRectification(input: { findingId: "%s", responsibleOrganizationId: "%s",
							  mode: DEADLINE, measures: "措施", deadline: "2026-09-01" }) { id } }"""
						.formatted(f.finding().id(), f.world().county2.id())),
			new Case("reportProgress", INSPECTOR,
					(f) -> "mutation { reportProgress(id: \"%s\", note: \"进展\", version: 1) { id } }"
						.formatted(f.task().id())),
			new Case("extendDeadline", INSPECTOR,
					(f) -> """
							mutation { extendDeadline(id: "%s", newDeadline: "2026-12-31", reason: "延期", version: 1) { id } }"""
						.formatted(f.task().id())),
			new Case("reassignRectification", INSPECTOR,
					(f) -> """
							mutation { reassignRectification(id: "%s", responsibleOrganizationId: "%s", version: 1) { id } }"""
						.formatted(f.task().id(), f.world().city2.id())),
			new Case("runOverdueSweep", INSPECTOR, (f) -> "mutation { runOverdueSweep { examined } }"),
			new Case("generateEcologyReports", EnumSet.of(Role.ADMIN, Role.ANALYST),
					(f) -> "mutation { generateEcologyReports(year: 2025) { id } }"),
			new Case("createAccount", EnumSet.of(Role.ADMIN), (f) -> """
					mutation { createAccount(input: { username: "n%s", password: "password-999", roles: [VIEWER] }) {
					  username } }""".formatted(System.nanoTime())),
			new Case("updateAccount", EnumSet.of(Role.ADMIN),
					(f) -> "mutation { updateAccount(input: { username: \"admin\", roles: [ADMIN] }) { username } }"),
			new Case("unlockAccount", EnumSet.of(Role.ADMIN),
					(f) -> "mutation { unlockAccount(username: \"admin\") { username } }"));

	Fixture fixture() {
		World world = new World(this.fixtures);
		Finding finding = this.fixtures.finding(world.county2, null, Severity.GENERAL, LocalDate.of(2026, 1, 5));
		Finding other = this.fixtures.finding(world.county2, null, Severity.GENERAL, LocalDate.of(2026, 1, 5));
		Rectification task = this.fixtures.task(other, world.county2, LocalDate.of(2026, 5, 1));
		String appointment = this.fixtures
			.appoint(this.fixtures.cadre("待离任"), world.county2, org.oversight.core.cadre.TeamRole.MEMBER,
					LocalDate.of(2025, 1, 1))
			.id();
		String edge = admin()
			.document("""
					mutation { addSupervision(input: { supervisorId: "%s", subjectId: "%s", kind: STATIONED,
					  organizationId: "%s", from: "2025-01-01" }) { id } }""".formatted(world.city2Principal.id(),
					world.county2Principal.id(), world.county2.id()))
			.execute()
			.path("addSupervision.id")
			.entity(String.class)
			.get();
		return new Fixture(world, finding, task, appointment, edge);
	}

	Map<String, Long> snapshot() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String name : this.mongo.getCollectionNames()) {
			// write_epochs counts the writes of the audit log and accounts, left out too
			if (!name.equals("audit_log") && !name.equals("job_runs") && !name.equals("accounts")
					&& !name.equals("settings") && !name.equals("write_epochs")) {
				counts.put(name, this.mongo.getCollection(name).countDocuments());
				counts.put(name + "#hash",
						(long) this.mongo.getCollection(name)
							.find()
							.into(new java.util.ArrayList<Document>())
							.toString()
							.hashCode());
			}
		}
		return counts;
	}

	@Test
	void everyRoleMayDoExactlyWhatTheContractSays() {
		Fixture fixture = fixture();
		Map<Role, HttpGraphQlTester> testers = new LinkedHashMap<>();
		for (Role role : List.of(Role.VIEWER, Role.ANALYST, Role.INSPECTOR, Role.ORGANIZATION)) {
			testers.put(role, account(role.name().toLowerCase(), null, null, role));
		}
		testers.put(Role.INFORMANT_ACCESS, account("informant", null, null, Role.INFORMANT_ACCESS));
		for (Case test : CASES) {
			for (var entry : testers.entrySet()) {
				if (test.allowed().contains(entry.getKey())) {
					continue;
				}
				Map<String, Long> before = snapshot();
				entry.getValue().document(test.document().apply(fixture)).execute().errors().satisfy((errors) -> {
					assertThat(errors).as(test.name() + " by " + entry.getKey()).isNotEmpty();
					assertThat(errors.get(0).getErrorType().toString()).as(test.name() + " by " + entry.getKey())
						.isEqualTo("FORBIDDEN");
				});
				assertThat(snapshot()).as(test.name() + " by " + entry.getKey() + " changed nothing").isEqualTo(before);
			}
			Role allowed = test.allowed().stream().filter(testers::containsKey).findFirst().orElse(null);
			HttpGraphQlTester permitted = (allowed != null) ? testers.get(allowed) : admin();
			permitted.document(test.document().apply(fixture))
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors.stream().map((e) -> String.valueOf(e.getErrorType())).toList())
					.as(test.name() + " by " + allowed)
					.doesNotContain("FORBIDDEN"));
		}
	}

}
