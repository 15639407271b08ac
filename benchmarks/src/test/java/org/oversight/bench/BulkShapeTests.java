package org.oversight.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import org.oversight.OversightApplication;
import org.oversight.core.common.Actor;
import org.oversight.core.common.Today;
import org.oversight.core.demo.DemoProvince;
import org.oversight.core.mongo.EmbeddedMongoServer;
import org.oversight.core.organization.Organizations;
import org.oversight.core.rectification.RectificationQueries;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk generator writes what the services write: the demo province is loaded through
 * the services into one database and a small province through the generator into another;
 * every field (with its BSON type) of every collection must be the same on both sides,
 * and the server must read the generated documents back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkShapeTests {

	static final DataSize TINY = new DataSize("T", 2, 2, 3, 3, 5, 700, 1_500, 300, 330);

	ConfigurableApplicationContext context;

	MongoClient client;

	@BeforeAll
	void start() {
		this.context = new SpringApplication(OversightApplication.class).run("--server.port=0",
				"--oversight.embedded-backend=memory", "--oversight.demo-loader.enabled=false",
				"--oversight.scheduler.enabled=false", "--oversight.security.admin-password=shape",
				"--logging.level.root=warn");
		this.client = MongoClients.create(this.context.getBean(EmbeddedMongoServer.class).connectionString());
	}

	@AfterAll
	void stop() {
		this.client.close();
		this.context.close();
	}

	@Test
	void generatedDocumentsHaveTheShapesTheServicesWrite() {
		this.client.getDatabase("oversight").drop();
		Actor.as("demo", () -> this.context.getBean(DemoProvince.class).load(1, 20260101L));
		Today today = this.context.getBean(Today.class);
		MongoDatabase bulk = this.client.getDatabase("bulk");
		var summary = new BulkGenerator(bulk, TINY, 7L, today.date(), today.now()).run();
		assertThat(summary.counts().get("organizations")).isEqualTo(TINY.organizations());
		MongoDatabase services = this.client.getDatabase("oversight");
		for (String collection : List.of("organizations", "cadres", "appointments", "principal_seats", "supervisions",
				"talks", "findings", "finding_informants", "rectifications", "meetings", "interference_records",
				"duty_reports")) {
			Map<String, Set<String>> expected = fields(services, collection);
			// the demo province replays the weekly sweeps; generated tasks wait for the
			// first
			// sweep of the benchmark (theServerReadsGeneratedDocuments sweeps them)
			expected.keySet().removeIf((path) -> path.startsWith("reminders[]"));
			assertThat(fields(bulk, collection)).as(collection).isEqualTo(expected);
		}
	}

	@Test
	void theServerReadsGeneratedDocuments() {
		// the server's own database: generated records read through the domain classes
		MongoDatabase db = this.client.getDatabase("oversight");
		db.drop();
		Today today = this.context.getBean(Today.class);
		new BulkGenerator(db, TINY, 7L, today.date(), today.now()).run();
		var organizations = this.context.getBean(Organizations.class);
		assertThat(organizations.findByCode("P01")).isPresent();
		var template = this.context.getBean(org.springframework.data.mongodb.core.MongoTemplate.class);
		for (Class<?> type : List.of(org.oversight.core.organization.Organization.class,
				org.oversight.core.cadre.Cadre.class, org.oversight.core.cadre.Appointment.class,
				org.oversight.core.talk.Talk.class, org.oversight.core.finding.Finding.class,
				org.oversight.core.rectification.Rectification.class)) {
			assertThat(template.findAll(type)).as(type.getSimpleName()).isNotEmpty();
		}
		var page = this.context.getBean(RectificationQueries.class)
			.page(new org.springframework.data.mongodb.core.query.Criteria(),
					org.oversight.core.common.PageRequest.of(20, null), today.date());
		assertThat(page.items()).hasSize(20);
		var result = this.context.getBean(org.oversight.core.rectification.OverdueSweep.class).sweep(null, null);
		assertThat(result.remindersIssued()).isPositive();
		assertThat(fields(db, "rectifications")).containsKeys("reminders[].level", "reminders[].issuedOn");
	}

	/** Every field path of the collection with the BSON types found there. */
	static Map<String, Set<String>> fields(MongoDatabase db, String collection) {
		Map<String, Set<String>> fields = new TreeMap<>();
		for (BsonDocument doc : db.getCollection(collection, BsonDocument.class).find()) {
			collect("", doc, fields);
		}
		return fields;
	}

	private static void collect(String prefix, BsonValue value, Map<String, Set<String>> fields) {
		if (value.isDocument()) {
			for (var entry : value.asDocument().entrySet()) {
				String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
				fields.computeIfAbsent(path, (k) -> new TreeSet<>()).add(entry.getValue().getBsonType().name());
				collect(path, entry.getValue(), fields);
			}
		}
		else if (value.isArray()) {
			for (BsonValue item : value.asArray()) {
				fields.computeIfAbsent(prefix + "[]", (k) -> new TreeSet<>()).add(item.getBsonType().name());
				collect(prefix + "[]", item, fields);
			}
		}
	}

}
