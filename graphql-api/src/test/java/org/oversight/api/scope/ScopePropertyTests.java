package org.oversight.api.scope;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.constraints.IntRange;
import org.bson.Document;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.oversight.OversightApplication;
import org.oversight.api.security.AccountService;
import org.oversight.api.viewer.Role;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.Severity;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.rectification.Rectification;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over random trees, accounts and queries: nothing outside an account's scope ever
 * appears in a response (searched for in the raw JSON), and every count matches what lies
 * inside.
 */
class ScopePropertyTests {

	static ConfigurableApplicationContext server;

	static int port;

	static final String[] QUERIES = {
			"{ organizations(first: 500) { totalCount edges { node { id children { id } } } } }",
			"{ findings(first: 500) { totalCount edges { node { id organization { id } rectifications { id } } } } }",
			"{ rectifications(first: 500) { totalCount edges { node { id finding { id } responsibleOrganization { id } } } } }",
			"{ findings(filter: { severity: [SERIOUS] }, first: 500) { totalCount edges { node { id } } } }",
			"{ rectifications(filter: { overdue: true }, first: 500) { totalCount edges { node { id } } } }" };

	@BeforeContainer
	static void start() {
		server = new SpringApplicationBuilder(OversightApplication.class, TestDatabase.class, Fixtures.class)
			.properties("server.port=0", "oversight.demo-loader.enabled=false", "oversight.scheduler.enabled=false",
					"oversight.mongodb-uri=", "spring.main.allow-bean-definition-overriding=true")
			.run();
		port = ((WebServerApplicationContext) server).getWebServer().getPort();
	}

	@AfterContainer
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	@Property(tries = 15)
	void nothingOutsideTheScopeLeaks(@ForAll @IntRange(min = 1, max = 1_000_000) int seed) throws Exception {
		MongoTemplate mongo = server.getBean(MongoTemplate.class);
		for (String name : mongo.getCollectionNames()) {
			mongo.getCollection(name).deleteMany(new Document());
		}
		Fixtures fixtures = server.getBean(Fixtures.class);
		Random random = new Random(seed);
		List<Organization> all = new ArrayList<>();
		Organization root = fixtures.org("R" + seed, OrgLevel.PROVINCE, null);
		all.add(root);
		grow(fixtures, random, root, 1, all);
		List<Finding> findings = new ArrayList<>();
		List<Rectification> tasks = new ArrayList<>();
		for (Organization organization : all) {
			for (int i = random.nextInt(3); i > 0; i--) {
				Finding finding = fixtures.finding(organization, null,
						Severity.values()[random.nextInt(Severity.values().length)], LocalDate.of(2026, 1, 1 + i));
				findings.add(finding);
				if (random.nextBoolean()) {
					tasks.add(fixtures.task(finding, organization, LocalDate.of(2026, 2 + random.nextInt(6), 1)));
				}
			}
		}
		Organization scope = all.get(random.nextInt(all.size()));
		String username = "u" + seed;
		server.getBean(AccountService.class)
			.create(new AccountService.CreateAccount(username, "password-123", List.of(Role.VIEWER), scope.id(), null));

		Set<String> inside = new HashSet<>();
		all.stream().filter((o) -> o.isWithin(scope.id())).forEach((o) -> inside.add(o.id()));
		Set<String> forbidden = new HashSet<>();
		all.stream()
			.filter((o) -> !o.isWithin(scope.id()) && !scope.path().contains(o.id()))
			.forEach((o) -> forbidden.add(o.id()));
		findings.stream().filter((f) -> !inside.contains(f.organizationId())).forEach((f) -> forbidden.add(f.id()));
		tasks.stream()
			.filter((t) -> !inside.contains(t.responsibleOrganizationId()))
			.forEach((t) -> forbidden.add(t.id()));
		long visibleFindings = findings.stream().filter((f) -> inside.contains(f.organizationId())).count();

		for (String query : QUERIES) {
			String response = post(username, query);
			assertThat(response).doesNotContain("\"errors\"");
			for (String id : forbidden) {
				assertThat(response).as("seed %d, scope %s, query %s leaks %s", seed, scope.code(), query, id)
					.doesNotContain(id);
			}
		}
		assertThat(post(username, "{ findings { totalCount } }")).contains("\"totalCount\":" + visibleFindings);
		assertThat(post(username, "{ organizations { totalCount } }")).contains("\"totalCount\":" + inside.size());
	}

	static void grow(Fixtures fixtures, Random random, Organization parent, int depth, List<Organization> all) {
		if (depth > 3) {
			return;
		}
		OrgLevel level = OrgLevel.values()[depth];
		for (int i = random.nextInt(3) + (depth == 1 ? 1 : 0); i > 0; i--) {
			Organization child = fixtures.org(parent.code() + "-" + i, level, parent);
			all.add(child);
			grow(fixtures, random, child, depth + 1, all);
		}
	}

	static String post(String username, String query) throws Exception {
		String body = new Document("query", query).toJson();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((username + ":password-123").getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
