package org.oversight.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.bson.Document;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;

import org.oversight.OversightApplication;
import org.oversight.core.mongo.EmbeddedMongoServer;

/**
 * The Oversight server started in this JVM ({@link SpringApplication} with its embedded
 * web server on a free port), on the embedded MongoDB-compatible server or on a real
 * MongoDB. The demo loader and the scheduler are off: the benchmark writes its own data
 * and runs the jobs itself.
 */
final class ServerUnderTest implements AutoCloseable {

	static final String PASSWORD = "bench-admin-password";

	/** Every database command the server sends (see {@link CommandCounter}). */
	static final CommandCounter COMMANDS = new CommandCounter();

	final ConfigurableApplicationContext context;

	final int port;

	final String mongoUri;

	/** From {@code SpringApplication.run} until the health endpoint answered UP. */
	final long startMillis;

	private ServerUnderTest(ConfigurableApplicationContext context, String mongoUri, long startMillis) {
		this.context = context;
		this.port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
		this.mongoUri = mongoUri;
		this.startMillis = startMillis;
	}

	/**
	 * @param backend {@code memory} or {@code h2} (ignored with a URI)
	 * @param dataDir where the H2 backend keeps its file
	 * @param mongoUri a real MongoDB, or blank for the embedded server
	 */
	static ServerUnderTest start(String backend, Path dataDir, String mongoUri) {
		long started = System.nanoTime();
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--oversight.demo-loader.enabled=false",
				"--oversight.scheduler.enabled=false", "--oversight.security.admin-password=" + PASSWORD,
				"--spring.main.banner-mode=off", "--logging.level.root=warn",
				"--logging.level.org.oversight.analytics=warn"));
		boolean embedded = mongoUri == null || mongoUri.isBlank();
		if (embedded) {
			args.add("--oversight.embedded-backend=" + backend);
			args.add("--oversight.data-dir=" + dataDir.toAbsolutePath());
		}
		else {
			args.add("--oversight.mongodb-uri=" + mongoUri);
		}
		SpringApplication application = new SpringApplication(OversightApplication.class);
		application.addInitializers((context) -> context.getBeanFactory()
			.registerSingleton("benchCommandCounter",
					(MongoClientSettingsBuilderCustomizer) (builder) -> builder.addCommandListener(COMMANDS)));
		ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
		String uri = embedded ? context.getBean(EmbeddedMongoServer.class).connectionString() : mongoUri;
		ServerUnderTest server = new ServerUnderTest(context, uri, 0);
		server.awaitHealthy();
		return new ServerUnderTest(context, uri, (System.nanoTime() - started) / 1_000_000);
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private void awaitHealthy() {
		HttpClient http = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				HttpResponse<String> response = http.send(
						HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("UP")) {
					return;
				}
			}
			catch (Exception ex) {
				// not yet
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new IllegalStateException("The server did not become healthy");
	}

	/** A bearer token for the admin account (POST /auth/token with HTTP Basic). */
	String token() throws Exception {
		String basic = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + "/auth/token"))
				.header("Authorization", "Basic " + basic)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("No token: HTTP " + response.statusCode() + " " + response.body());
		}
		return Document.parse(response.body()).getString("token");
	}

	@Override
	public void close() {
		this.context.close();
	}

}
