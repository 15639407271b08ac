package org.oversight.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/**
 * Posts GraphQL documents to the server with a bearer token (Java's HttpClient, HTTP/1.1,
 * one shared client: a connection per concurrent caller) and returns {@code data},
 * failing on any error.
 */
final class GraphQlClient {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI endpoint;

	private final String authorization;

	GraphQlClient(String base, String token) {
		this.endpoint = URI.create(base + "/graphql");
		this.authorization = "Bearer " + token;
	}

	Document execute(String document, Map<String, Object> variables) throws Exception {
		String body = new Document("query", document).append("variables", new Document(variables)).toJson();
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.endpoint)
			.header("Authorization", this.authorization)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(120))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
		}
		Document answer = Document.parse(response.body());
		List<?> errors = answer.getList("errors", Object.class);
		if (errors != null && !errors.isEmpty()) {
			throw new IllegalStateException("GraphQL errors: " + abbreviate(errors.toString()));
		}
		return answer.get("data", Document.class);
	}

	private static String abbreviate(String text) {
		return (text.length() > 500) ? text.substring(0, 500) + "…" : text;
	}

}
