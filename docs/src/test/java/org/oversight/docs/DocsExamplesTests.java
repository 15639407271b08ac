package org.oversight.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import graphql.ParseAndValidate;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.oversight.OversightApplication;
import org.oversight.core.cadre.ActivePosts;
import org.oversight.core.cadre.Cadres;
import org.oversight.core.common.Actor;
import org.oversight.core.common.Today;
import org.oversight.core.demo.DemoDataLoader;
import org.oversight.core.demo.DemoProvince;
import org.oversight.core.organization.Organizations;
import org.oversight.core.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every GraphQL example of the Markdown pages in {@code docs/} against a server
 * holding the demo province, and checks each answer: no error, and every field the
 * example asks for at the top is there and not null. Subscriptions are validated against
 * the schema.
 */
@SpringBootTest(classes = { OversightApplication.class, DocsExamplesTests.CommandCounting.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "oversight.demo-loader.enabled=false", "oversight.scheduler.enabled=false",
				"oversight.security.admin-password=" + DocsExamplesTests.PASSWORD })
@Import(TestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocsExamplesTests {

	static final String PASSWORD = "docs-password";

	private static final Pattern BLOCK = Pattern.compile("```graphql\\n(.*?)```(?:\\s*```json\\n(.*?)```)?",
			Pattern.DOTALL);

	private static final Pattern REFERENCE = Pattern.compile("\"@(org|cadre|cadreOfPrincipal):([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	DemoProvince demo;

	@Autowired
	org.oversight.core.mongo.WriteEpochs epochs;

	@Autowired
	Organizations organizations;

	@Autowired
	Cadres cadres;

	@Autowired
	ActivePosts posts;

	@Autowired
	Today today;

	@Autowired
	GraphQlSource graphQlSource;

	@Autowired
	org.oversight.api.security.AccountService accounts;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@BeforeAll
	void demoProvince() {
		this.accounts.bootstrap();
		if (this.organizations.count() == 0) {
			DemoProvince.Summary summary = Actor.as("demo", () -> this.demo.load(1, DemoDataLoader.SEED));
			// what a server does once its demo province is loaded: past years' reports,
			// obligations
			this.events.publishEvent(new org.oversight.core.demo.DemoProvinceLoaded(summary));
		}
	}

	record Example(Path page, int number, String document, String variables) {

		@Override
		public String toString() {
			return this.page.getFileName() + " #" + this.number;
		}

	}

	static List<Example> examples() throws IOException {
		List<Example> examples = new ArrayList<>();
		try (Stream<Path> pages = Files.list(Path.of("."))) {
			for (Path page : pages.filter((p) -> p.toString().endsWith(".md")).sorted().toList()) {
				Matcher matcher = BLOCK.matcher(Files.readString(page, StandardCharsets.UTF_8));
				int number = 0;
				while (matcher.find()) {
					examples.add(new Example(page, ++number, matcher.group(1), matcher.group(2)));
				}
			}
		}
		return examples;
	}

	@TestFactory
	Stream<DynamicTest> everyExampleRuns() throws IOException {
		List<Example> examples = examples();
		assertThat(examples).as("examples found in docs/*.md").hasSizeGreaterThan(5);
		return examples.stream().map((example) -> DynamicTest.dynamicTest(example.toString(), () -> run(example)));
	}

	/**
	 * Counts the read commands sent to the database (the live feed's polling left out).
	 */
	@org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
	static class CommandCounting {

		static final java.util.concurrent.atomic.AtomicInteger READS = new java.util.concurrent.atomic.AtomicInteger();

		@org.springframework.context.annotation.Bean
		org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer countReads() {
			return (settings) -> settings.addCommandListener(new com.mongodb.event.CommandListener() {
				@Override
				public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
					String name = event.getCommandName();
					// the live feed polls in the background on its own thread: not the
					// request's
					if (Thread.currentThread().getName().equals("overdue-feed")) {
						return;
					}
					if (List.of("find", "aggregate", "count", "getMore").contains(name)) {
						var target = event.getCommand().get(name);
						if (target == null || !target.isString()
								|| !target.asString().getValue().equals("rectification_steps")) {
							READS.incrementAndGet();
						}
					}
				}
			});
		}

	}

	private static final Pattern FIRST = Pattern.compile("first: (\\d+)");

	/**
	 * The commands a dashboard query sends do not grow with its page sizes: the example
	 * runs again with every {@code first} ten times larger (at most 500) and must send as
	 * many commands.
	 */
	int commands(HttpGraphQlTester tester, String document, Map<String, Object> variables) {
		var request = tester.document(document);
		for (var variable : variables.entrySet()) {
			request = request.variable(variable.getKey(), variable.getValue());
		}
		// as after a write: computed, not the answer kept from the last time
		this.epochs.writtenAll();
		this.epochs.flush();
		CommandCounting.READS.set(0);
		request.execute().errors().verify();
		return CommandCounting.READS.get();
	}

	/**
	 * Every query of the guide is kept whole once computed: asked again, it is answered
	 * the same after reading only the stamp and the account (its reads were all seen, on
	 * the request's thread, and it wrote nothing). Asked a second time first, as the
	 * first answer may have built derived data (a write) while reading.
	 */
	void keptWhenAskedAgain(Example example, HttpGraphQlTester tester, Object first) {
		var request = tester.document(example.document());
		for (var variable : variables(example.variables()).entrySet()) {
			request = request.variable(variable.getKey(), variable.getValue());
		}
		request.execute().errors().verify();
		CommandCounting.READS.set(0);
		Object again = request.execute().errors().verify().path("").entity(Object.class).get();
		if (MOMENT.matcher(example.document()).find()) {
			// an account's lock ends, a signed link expires: computed every time
			assertThat(CommandCounting.READS.get()).as(example + ": commands asked again, not kept").isGreaterThan(2);
			return;
		}
		assertThat(CommandCounting.READS.get()).as(example + ": commands asked again").isLessThanOrEqualTo(2);
		assertThat(again).as(example + ": asked again").isEqualTo(first);
	}

	/** Fields whose answer depends on the moment or the request, never kept. */
	private static final Pattern MOMENT = Pattern.compile("\\bme\\s*\\{|downloadUrl");

	void run(Example example) {
		Document document = Parser.parse(example.document());
		OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).get(0);
		if (operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
			var result = ParseAndValidate.parseAndValidate(this.graphQlSource.schema(),
					graphql.ExecutionInput.newExecutionInput(example.document()).build());
			assertThat(result.getErrors()).as(example + " validates").isEmpty();
			return;
		}
		HttpGraphQlTester tester = HttpGraphQlTester.create(WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://localhost:" + this.port + "/graphql")
			.defaultHeader("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.build());
		var request = tester.document(example.document());
		for (var variable : variables(example.variables()).entrySet()) {
			request = request.variable(variable.getKey(), variable.getValue());
		}
		var response = request.execute();
		response.errors().verify();
		if (operation.getOperation() == OperationDefinition.Operation.QUERY) {
			keptWhenAskedAgain(example, tester, response.path("").entity(Object.class).get());
		}
		if (operation.getOperation() == OperationDefinition.Operation.QUERY
				&& FIRST.matcher(example.document()).find()) {
			Map<String, Object> variables = variables(example.variables());
			int small = commands(tester, example.document(), variables);
			Matcher sizes = FIRST.matcher(example.document());
			String larger = sizes.replaceAll((m) -> "first: " + Math.min(500, Integer.parseInt(m.group(1)) * 10));
			int large = commands(tester, larger, variables);
			assertThat(small).as(example + ": database commands counted").isPositive();
			assertThat(large).as(example + ": database commands with ten times larger pages").isEqualTo(small);
		}
		for (Field field : operation.getSelectionSet().getSelectionsOfType(Field.class)) {
			String key = (field.getAlias() != null) ? field.getAlias() : field.getName();
			response.path(key).hasValue().entity(Object.class).satisfies((value) -> {
				assertThat(value).as(example + ": " + key).isNotNull();
				if (value instanceof Map<?, ?> map && map.get("totalCount") instanceof Number total) {
					assertThat(total.intValue()).as(example + ": " + key + " finds something in the demo").isPositive();
				}
				if (value instanceof List<?> list) {
					assertThat(list).as(example + ": " + key + " finds something in the demo").isNotEmpty();
				}
			});
		}
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> variables(String json) {
		if (json == null) {
			return Map.of();
		}
		Matcher matcher = REFERENCE.matcher(json);
		StringBuilder resolved = new StringBuilder();
		while (matcher.find()) {
			String value = switch (matcher.group(1)) {
				case "org" -> this.organizations.findByCode(matcher.group(2)).orElseThrow().id();
				case "cadre" -> this.cadres.findByCode(matcher.group(2)).orElseThrow().id();
				default -> {
					String orgId = this.organizations.findByCode(matcher.group(2)).orElseThrow().id();
					String cadreId = this.posts.principalsIn(List.of(orgId), this.today.date()).get(0).cadreId();
					yield this.cadres.findById(cadreId).orElseThrow().code();
				}
			};
			matcher.appendReplacement(resolved, Matcher.quoteReplacement("\"" + value + "\""));
		}
		matcher.appendTail(resolved);
		return new LinkedHashMap<>(org.bson.Document.parse(resolved.toString()));
	}

}
