package org.oversight.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference dashboard ({@code graphql-api}'s {@code static/dashboard/queries.js})
 * sends only operations that are examples of the API guide, word for word, so that
 * {@link DocsExamplesTests} runs each of them against the demo province; and
 * {@code dashboard.md} names every one of them.
 */
class DashboardQueriesTests {

	private static final Pattern DASHBOARD = Pattern.compile("export const (\\w+) = `(.*?)`;", Pattern.DOTALL);

	private static final Pattern EXAMPLE = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);

	static Map<String, String> dashboardQueries() throws IOException {
		try (InputStream in = DashboardQueriesTests.class.getResourceAsStream("/static/dashboard/queries.js")) {
			assertThat(in).as("static/dashboard/queries.js on the classpath (graphql-api)").isNotNull();
			Matcher matcher = DASHBOARD.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			Map<String, String> queries = new LinkedHashMap<>();
			while (matcher.find()) {
				queries.put(matcher.group(1), matcher.group(2));
			}
			return queries;
		}
	}

	static String normalized(String document) {
		return document.replaceAll("\\s+", " ").trim();
	}

	@Test
	void everyDashboardQueryIsAnExampleOfTheApiGuide() throws IOException {
		Map<String, String> queries = dashboardQueries();
		assertThat(queries).as("operations in queries.js").hasSizeGreaterThanOrEqualTo(10);
		Matcher matcher = EXAMPLE.matcher(Files.readString(Path.of("api-guide.md"), StandardCharsets.UTF_8));
		List<String> examples = new ArrayList<>();
		while (matcher.find()) {
			examples.add(normalized(matcher.group(1)));
		}
		for (Map.Entry<String, String> query : queries.entrySet()) {
			assertThat(examples).as("api-guide.md has the dashboard's operation '%s' word for word", query.getKey())
				.contains(normalized(query.getValue()));
			assertThat(query.getValue()).as("operation name of %s", query.getKey())
				.matches("(?s)(query|subscription) " + query.getKey() + "\\b.*");
		}
	}

	@Test
	void theDashboardPageNamesEveryQuery() throws IOException {
		String page = Files.readString(Path.of("dashboard.md"), StandardCharsets.UTF_8);
		for (String name : dashboardQueries().keySet()) {
			assertThat(page).as("dashboard.md mentions `%s`", name).contains("`" + name + "`");
		}
	}

}
