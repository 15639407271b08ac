package org.oversight.api.finding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;

import org.oversight.api.test.ApiIntegrationTest;
import org.oversight.api.test.ApiTestSupport;
import org.oversight.api.test.World;
import org.oversight.api.viewer.Role;

import static org.assertj.core.api.Assertions.assertThat;

@ApiIntegrationTest
class FindingApiIntegrationTests extends ApiTestSupport {

	@Autowired
	MongoTemplate mongo;

	static void classification(GraphQlTester.Response response, String type) {
		response.errors().satisfy((errors) -> {
			assertThat(errors).isNotEmpty();
			assertThat(errors.get(0).getErrorType().toString()).isEqualTo(type);
		});
	}

	Map<String, Object> petition(World world, String severity, String subjectId) {
		Map<String, Object> input = new HashMap<>(
				Map.of("source", "PETITION", "category", "INTEGRITY", "severity", severity, "description", "群众反映收受礼金",
						"organizationId", world.township1.id(), "reportedOn", "2026-05-01", "informant", "张三"));
		if (subjectId != null) {
			input.put("subjectId", subjectId);
		}
		return input;
	}

	@Test
	void registersInPriorityOrderAndHidesTheInformant() {
		World world = new World(this.fixtures);
		admin().documentName("registerFinding")
			.variable("input", petition(world, "GENERAL", null))
			.execute()
			.path("registerFinding.status")
			.entity(String.class)
			.isEqualTo("OPEN")
			.path("registerFinding.informant")
			.valueIsNull();
		admin().documentName("registerFinding")
			.variable("input", petition(world, "EARLY_SIGN", world.township1Principal.id()))
			.execute()
			.path("registerFinding.concernsPrincipal")
			.entity(Boolean.class)
			.isEqualTo(true);
		admin().documentName("registerFinding").variable("input", petition(world, "SERIOUS", null)).execute();
		admin().documentName("findings")
			.execute()
			.path("findings.edges[*].node.severity")
			.entityList(String.class)
			.containsExactly("EARLY_SIGN", "SERIOUS", "GENERAL")
			.path("findings.edges[*].node.informant")
			.entityList(Object.class)
			.satisfies((list) -> assertThat(list).allMatch(java.util.Objects::isNull));
		long audited = this.mongo.getCollection("audit_log")
			.countDocuments(new org.bson.Document("kind", "INFORMANT_READ"));
		assertThat(audited).isZero();

		account("reader", null, null, Role.INSPECTOR, Role.INFORMANT_ACCESS).documentName("findings")
			.execute()
			.path("findings.edges[*].node.informant")
			.entityList(String.class)
			.containsExactly("张三", "张三", "张三");
		assertThat(this.mongo.getCollection("audit_log")
			.countDocuments(new org.bson.Document("kind", "INFORMANT_READ").append("actor", "reader"))).isEqualTo(3);
	}

	@Test
	void badFindingInputIsRefusedAndNothingStored() {
		World world = new World(this.fixtures);
		Map<String, Object> input = petition(world, "GENERAL", null);
		input.put("description", "  ");
		classification(admin().documentName("registerFinding").variable("input", input).execute(), "BAD_REQUEST");
		input = petition(world, "GENERAL", "000000000000000000000000");
		classification(admin().documentName("registerFinding").variable("input", input).execute(), "NOT_FOUND");
		classification(account("viewer", null, null, Role.VIEWER).documentName("registerFinding")
			.variable("input", petition(world, "GENERAL", null))
			.execute(), "FORBIDDEN");
		admin().documentName("findings").execute().path("findings.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void correctsAndDismissesWithTheRulesOfTheStatus() {
		World world = new World(this.fixtures);
		String id = admin().documentName("registerFinding")
			.variable("input", petition(world, "GENERAL", null))
			.execute()
			.path("registerFinding.id")
			.entity(String.class)
			.get();
		admin().documentName("correctFinding")
			.variable("id", id)
			.variable("input", Map.of("severity", "SERIOUS", "disposition", "SECOND"))
			.execute()
			.path("correctFinding.severity")
			.entity(String.class)
			.isEqualTo("SERIOUS");
		admin().documentName("assignRectification")
			.variable("input",
					Map.of("findingId", id, "responsibleOrganizationId", world.township1.id(), "mode", "DEADLINE",
							"measures", "退还礼金", "deadline", "2026-07-01"))
			.execute()
			.path("assignRectification.finding.status")
			.entity(String.class)
			.isEqualTo("UNDER_RECTIFICATION");
		classification(admin().documentName("dismissFinding").variable("id", id).variable("reason", "不实").execute(),
				"CONFLICT");
		classification(admin().documentName("dismissFinding").variable("id", "nope").variable("reason", "x").execute(),
				"NOT_FOUND");
		String second = admin().documentName("registerFinding")
			.variable("input", petition(world, "GENERAL", null))
			.execute()
			.path("registerFinding.id")
			.entity(String.class)
			.get();
		admin().documentName("dismissFinding")
			.variable("id", second)
			.variable("reason", "经核查不属实，予以澄清")
			.execute()
			.path("dismissFinding.status")
			.entity(String.class)
			.isEqualTo("DISMISSED");
		admin().documentName("findings")
			.variable("filter", Map.of("status", List.of("DISMISSED")))
			.execute()
			.path("findings.totalCount")
			.entity(Integer.class)
			.isEqualTo(1);
	}

}
