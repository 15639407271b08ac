package org.oversight.api.rectification;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import org.oversight.api.test.ApiIntegrationTest;
import org.oversight.api.test.ApiTestSupport;
import org.oversight.api.test.World;

import static org.assertj.core.api.Assertions.assertThat;

@ApiIntegrationTest
class RectificationApiIntegrationTests extends ApiTestSupport {

	static void classification(GraphQlTester.Response response, String type) {
		response.errors().satisfy((errors) -> {
			assertThat(errors).isNotEmpty();
			assertThat(errors.get(0).getErrorType().toString()).isEqualTo(type);
		});
	}

	String task(World world, String deadline) {
		String finding = admin().documentName("registerFinding")
			.variable("input",
					Map.of("source", "INSPECTION", "category", "WORK_STYLE", "severity", "GENERAL", "description",
							"形式主义问题", "organizationId", world.township1.id(), "reportedOn", "2026-01-10"))
			.execute()
			.path("registerFinding.id")
			.entity(String.class)
			.get();
		return admin().documentName("assignRectification")
			.variable("input",
					Map.of("findingId", finding, "responsibleOrganizationId", world.township1.id(),
							"responsibleCadreId", world.township1Principal.id(), "mode", "DEADLINE", "measures",
							"精简会议文件", "deadline", deadline))
			.execute()
			.path("assignRectification.version")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("assignRectification.responsibleCadre.name")
			.entity(String.class)
			.isEqualTo("一镇书记")
			.path("assignRectification.id")
			.entity(String.class)
			.get();
	}

	GraphQlTester.Response step(String operation, Map<String, Object> variables) {
		var request = admin().documentName("rectificationLifecycle").operationName(operation);
		for (var entry : variables.entrySet()) {
			request = request.variable(entry.getKey(), entry.getValue());
		}
		return request.execute();
	}

	@Test
	void theWholeLifeCycleWithItsRefusals() {
		World world = new World(this.fixtures);
		String id = task(world, "2026-04-30");
		classification(step("submitRectification",
				Map.of("id", id, "report", "报告", "submittedOn", "2026-04-01", "version", 1)), "CONFLICT");
		step("reportProgress", Map.of("id", id, "note", "已部署", "version", 1)).path("reportProgress.status")
			.entity(String.class)
			.isEqualTo("IN_PROGRESS");
		classification(step("reportProgress", Map.of("id", id, "note", "过期版本", "version", 1)), "CONFLICT");
		classification(
				step("submitRectification", Map.of("id", id, "report", " ", "submittedOn", "2026-04-01", "version", 2)),
				"BAD_REQUEST");
		step("submitRectification", Map.of("id", id, "report", "整改报告", "submittedOn", "2026-04-20", "version", 2))
			.path("submitRectification.status")
			.entity(String.class)
			.isEqualTo("SUBMITTED");
		step("verifyRectification",
				Map.of("id", id, "accepted", false, "comment", "不到位", "decidedOn", "2026-04-25", "version", 3))
			.path("verifyRectification.status")
			.entity(String.class)
			.isEqualTo("IN_PROGRESS");
		step("submitRectification", Map.of("id", id, "report", "再报", "submittedOn", "2026-04-28", "version", 4));
		step("verifyRectification",
				Map.of("id", id, "accepted", true, "decidedOn", "2026-05-02", "fundsRecovered", 12345.5, "version", 5))
			.path("verifyRectification.status")
			.entity(String.class)
			.isEqualTo("VERIFIED")
			.path("verifyRectification.fundsRecovered")
			.entity(Double.class)
			.isEqualTo(12345.5)
			.path("verifyRectification.finding.status")
			.entity(String.class)
			.isEqualTo("RECTIFIED");
		classification(
				step("extendDeadline", Map.of("id", id, "newDeadline", "2026-09-30", "reason", "延期", "version", 6)),
				"CONFLICT");
	}

	@Test
	void extensionReassignmentAndTheirRefusals() {
		World world = new World(this.fixtures);
		String id = task(world, "2026-04-30");
		classification(
				step("extendDeadline", Map.of("id", id, "newDeadline", "2026-04-30", "reason", "延期", "version", 1)),
				"BAD_REQUEST");
		step("extendDeadline", Map.of("id", id, "newDeadline", "2026-08-31", "reason", "涉及多部门", "version", 1))
			.path("extendDeadline.deadline")
			.entity(String.class)
			.isEqualTo("2026-08-31");
		step("reassignRectification", Map.of("id", id, "organizationId", world.county1.id(), "version", 2))
			.path("reassignRectification.responsibleOrganization.code")
			.entity(String.class)
			.isEqualTo("X1");
		classification(step("reassignRectification",
				Map.of("id", id, "organizationId", "000000000000000000000000", "version", 3)), "NOT_FOUND");
	}

	@Test
	void theSweepIssuesStepsOnceAndIsRecordedAsAJobRun() {
		World world = new World(this.fixtures);
		String id = task(world, "2026-04-30");
		admin().documentName("runOverdueSweep")
			.variable("asOf", "2026-05-31")
			.execute()
			.path("runOverdueSweep.overdue")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("runOverdueSweep.remindersIssued")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("runOverdueSweep.escalations")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("runOverdueSweep.summonses")
			.entity(Integer.class)
			.isEqualTo(1);
		admin().documentName("runOverdueSweep")
			.variable("asOf", "2026-05-31")
			.execute()
			.path("runOverdueSweep.remindersIssued")
			.entity(Integer.class)
			.isEqualTo(0);
		classification(admin().documentName("runOverdueSweep").variable("asOf", "2027-01-01").execute(), "BAD_REQUEST");
		admin().documentName("rectifications")
			.variable("filter", Map.of("overdue", true))
			.execute()
			.path("rectifications.edges[0].node.id")
			.entity(String.class)
			.isEqualTo(id)
			.path("rectifications.edges[0].node.reminders[*].issuedTo.code")
			.entityList(String.class)
			.containsExactly("T1", "C1", "T1");
		admin().documentName("jobRuns")
			.variable("job", "overdue-sweep")
			.execute()
			.path("jobRuns[*].state")
			.entityList(String.class)
			.containsExactly("SUCCEEDED", "SUCCEEDED");
	}

}
