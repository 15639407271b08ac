package org.oversight.api.cadre;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.oversight.api.test.ApiIntegrationTest;
import org.oversight.api.test.ApiTestSupport;
import org.oversight.api.test.World;

import static org.assertj.core.api.Assertions.assertThat;

@ApiIntegrationTest
class CadreApiIntegrationTests extends ApiTestSupport {

	static void classification(org.springframework.graphql.test.tester.GraphQlTester.Response response, String type) {
		response.errors().satisfy((errors) -> {
			assertThat(errors).isNotEmpty();
			assertThat(errors.get(0).getErrorType().toString()).isEqualTo(type);
		});
	}

	@Test
	void registersAppointsAndEndsAppointments() {
		World world = new World(this.fixtures);
		String id = admin().documentName("registerCadre")
			.variable("input", Map.of("code", "G-NEW", "name", "新干部", "birthYear", 1980))
			.execute()
			.path("registerCadre.name")
			.entity(String.class)
			.isEqualTo("新干部")
			.path("registerCadre.id")
			.entity(String.class)
			.get();
		classification(admin().documentName("registerCadre")
			.variable("input", Map.of("code", "G-NEW", "name", "重复"))
			.execute(), "CONFLICT");
		classification(
				admin().documentName("registerCadre").variable("input", Map.of("code", "G-2", "name", " ")).execute(),
				"BAD_REQUEST");
		Map<String, Object> appoint = new HashMap<>(Map.of("cadreId", id, "organizationId", world.county1.id(), "role",
				"PRINCIPAL", "title", "县委书记", "start", "2026-01-01"));
		String appointmentId = admin().documentName("appoint")
			.variable("input", appoint)
			.execute()
			.path("appoint.organization.code")
			.entity(String.class)
			.isEqualTo("X1")
			.path("appoint.id")
			.entity(String.class)
			.get();
		admin().documentName("appoint")
			.variable("input", appoint)
			.execute()
			.path("appoint.id")
			.entity(String.class)
			.isEqualTo(appointmentId);
		Map<String, Object> second = new HashMap<>(appoint);
		second.put("cadreId", world.city1Deputy.id());
		classification(admin().documentName("appoint").variable("input", second).execute(), "CONFLICT");
		appoint.put("cadreId", "000000000000000000000000");
		classification(admin().documentName("appoint").variable("input", appoint).execute(), "NOT_FOUND");
		classification(admin().documentName("endAppointment")
			.variable("id", appointmentId)
			.variable("end", "2025-01-01")
			.execute(), "BAD_REQUEST");
		admin().documentName("endAppointment")
			.variable("id", appointmentId)
			.variable("end", "2026-03-31")
			.execute()
			.path("endAppointment.end")
			.entity(String.class)
			.isEqualTo("2026-03-31");
	}

	@Test
	void supervisionOfACadreAsOfADay() {
		World world = new World(this.fixtures);
		admin().documentName("cadreSupervision")
			.variable("id", world.township1Principal.id())
			.execute()
			.path("cadre.supervisors[*].kind")
			.entityList(String.class)
			.containsExactly("UPPER_PRINCIPAL")
			.path("cadre.supervisors[0].supervisor.name")
			.entity(String.class)
			.isEqualTo("一市书记")
			.path("cadre.supervisionChain[*].name")
			.entityList(String.class)
			.containsExactly("一市书记", "省委书记")
			.path("cadre.chainDepth")
			.entity(Integer.class)
			.isEqualTo(2);
		admin().documentName("cadreSupervision")
			.variable("id", world.city1Principal.id())
			.execute()
			.path("cadre.supervisees[*].kind")
			.entityList(String.class)
			.containsExactly("UPPER_PRINCIPAL", "PRINCIPAL_OVER_TEAM", "PRINCIPAL_OVER_TEAM")
			.path("cadre.spanOfControl")
			.entity(Integer.class)
			.isEqualTo(3);
		admin().documentName("cadreSupervision")
			.variable("id", world.city1Principal.id())
			.variable("asOf", "2023-12-31")
			.execute()
			.path("cadre.supervisors")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void storedSupervisionsAreAddedEndedAndValidated() {
		World world = new World(this.fixtures);
		Map<String, Object> input = new HashMap<>(
				Map.of("supervisorId", world.city1Secretary.id(), "subjectId", world.township1Principal.id(), "kind",
						"STATIONED", "organizationId", world.township1.id(), "from", "2025-01-01"));
		String id = admin().documentName("addSupervision")
			.variable("input", input)
			.execute()
			.path("addSupervision.derived")
			.entity(Boolean.class)
			.isEqualTo(false)
			.path("addSupervision.id")
			.entity(String.class)
			.get();
		admin().documentName("endSupervision")
			.variable("id", id)
			.variable("to", "2026-01-31")
			.execute()
			.path("endSupervision.to")
			.entity(String.class)
			.isEqualTo("2026-01-31");
		input.put("subjectId", world.city1Secretary.id());
		classification(admin().documentName("addSupervision").variable("input", input).execute(), "BAD_REQUEST");
		input.put("kind", "PEER");
		admin().documentName("addSupervision").variable("input", input).execute().errors().satisfy((errors) -> {
			assertThat(errors).isNotEmpty();
			assertThat(errors.get(0).getMessage()).contains("StoredSupervisionKind").contains("PEER");
		});
	}

	@Test
	void coverageCountsPrincipalsAndTheirTalks() {
		World world = new World(this.fixtures);
		admin().documentName("recordTalk")
			.variable("input",
					Map.of("kind", "SUPERVISION", "date", "2026-03-01", "subjectId", world.township1Principal.id(),
							"conductedByIds", List.of(world.city1Principal.id()), "organizationId",
							world.township1.id(), "issuesRaised", List.of("落实主体责任")))
			.execute()
			.path("recordTalk.conductedBy[0].name")
			.entity(String.class)
			.isEqualTo("一市书记");
		admin().documentName("supervisionCoverage")
			.variable("organizationId", world.city1.id())
			.variable("year", 2026)
			.execute()
			.path("supervisionCoverage.principals")
			.entity(Integer.class)
			.isEqualTo(2)
			.path("supervisionCoverage.withSupervisionTalk")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("supervisionCoverage.uncovered.edges[*].node.name")
			.entityList(String.class)
			.containsExactly("一市书记")
			.path("supervisionCoverage.vacancies.edges[*].node.code")
			.entityList(String.class)
			.containsExactly("X1");
		admin().documentName("cadreTalks")
			.variable("id", world.township1Principal.id())
			.execute()
			.path("cadre.talks.totalCount")
			.entity(Integer.class)
			.isEqualTo(1);
		classification(admin().documentName("recordTalk")
			.variable("input",
					Map.of("kind", "SUPERVISION", "date", "2026-03-01", "subjectId", world.township1Principal.id(),
							"conductedByIds", List.of(), "organizationId", world.township1.id()))
			.execute(), "BAD_REQUEST");
	}

	@Test
	void meetingsAndInterferenceRecords() {
		World world = new World(this.fixtures);
		admin().documentName("records")
			.operationName("recordMeeting")
			.variable("input",
					Map.of("organizationId", world.county2.id(), "date", "2026-01-15", "theme", "以案促改专题民主生活会",
							"themeApprovedById", world.city2.id(), "upperLevelAttendeeIds",
							List.of(world.city2Principal.id()), "issuesRaised", 6))
			.execute()
			.path("recordMeeting.upperLevelAttendees[0].name")
			.entity(String.class)
			.isEqualTo("二市书记");
		admin().documentName("records")
			.operationName("recordInterference")
			.variable("input",
					Map.of("organizationId", world.county2.id(), "cadreId", world.county2Principal.id(), "date",
							"2026-02-01", "matter", "过问工程招标"))
			.execute()
			.path("recordInterference.recordedBy")
			.entity(String.class)
			.isEqualTo("admin");
		admin().documentName("records")
			.operationName("organizationRecords")
			.variable("id", world.county2.id())
			.variable("year", 2026)
			.execute()
			.path("organization.meetings[*].issuesRaised")
			.entityList(Integer.class)
			.containsExactly(6)
			.path("organization.interferenceRecords[*].matter")
			.entityList(String.class)
			.containsExactly("过问工程招标");
		classification(admin().documentName("records")
			.operationName("recordMeeting")
			.variable("input",
					Map.of("organizationId", world.county2.id(), "date", "2026-01-15", "theme", "主题",
							"themeApprovedById", world.county1.id(), "issuesRaised", 1))
			.execute(), "BAD_REQUEST");
	}

}
