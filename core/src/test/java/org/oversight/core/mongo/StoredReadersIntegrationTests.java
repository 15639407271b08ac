package org.oversight.core.mongo;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.event.AfterLoadEvent;
import org.springframework.data.mongodb.core.mapping.event.MongoMappingEvent;

import org.oversight.core.cadre.Appointment;
import org.oversight.core.cadre.Cadre;
import org.oversight.core.common.Actor;
import org.oversight.core.demo.DemoDataLoader;
import org.oversight.core.demo.DemoProvince;
import org.oversight.core.organization.Organization;
import org.oversight.core.test.MongoIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written readers of appointments, organizations and cadres give what Spring
 * Data's generic mapping gives, for every document of the demo province and for the rare
 * shapes it does not have (an interrupted move, a dissolved organization, a post without
 * a stamp, an id that is not an object id).
 */
@MongoIntegrationTest
class StoredReadersIntegrationTests {

	@Autowired
	MongoTemplate mongo;

	@Autowired
	DemoProvince demo;

	@Autowired
	ApplicationContext context;

	@Test
	void everyStoredAppointmentOrganizationAndCadreReadsAsTheGenericMappingReadsIt() {
		Actor.as("demo", () -> this.demo.load(1, DemoDataLoader.SEED));
		Date day = Date.from(java.time.Instant.parse("2024-03-01T00:00:00Z"));
		this.mongo.getCollection("organizations")
			.insertMany(List.of(
					new Document("_id", new ObjectId()).append("code", "ZZ-1")
						.append("name", "搬迁中的单位")
						.append("kind", "DEPARTMENT")
						.append("level", "COUNTY")
						.append("parentId", "p")
						.append("path", List.of("root", "p", "x"))
						.append("dissolvedOn", day)
						.append("pendingMoveFrom", List.of("old-root", "old-parent")),
					new Document("_id", "imported-7").append("code", "ZZ-2").append("path", List.of("imported-7"))));
		this.mongo.getCollection("appointments")
			.insertMany(List.of(new Document("_id", new ObjectId()).append("cadreId", "c")
				.append("organizationId", "o")
				.append("orgPath", List.of("root", "o"))
				.append("role", "MEMBER")
				.append("title", "委员")
				.append("start", day)
				.append("end", day), new Document("_id", "imported-8").append("cadreId", "c")));

		MongoConverter fast = this.mongo.getConverter();
		assertThat(fast.getCustomConversions().hasCustomReadTarget(Document.class, Appointment.class)).isTrue();
		assertThat(fast.getCustomConversions().hasCustomReadTarget(Document.class, Organization.class)).isTrue();
		assertThat(fast.getCustomConversions().hasCustomReadTarget(Document.class, Cadre.class)).isTrue();
		MappingMongoConverter generic = genericConverter();

		List<Document> organizations = this.mongo.findAll(Document.class, "organizations");
		List<Document> appointments = this.mongo.findAll(Document.class, "appointments");
		assertThat(organizations).hasSizeGreaterThan(100);
		assertThat(appointments).hasSizeGreaterThan(500);
		assertThat(organizations).anySatisfy((row) -> assertThat(row.get("dissolvedOn")).isNotNull());
		assertThat(appointments).anySatisfy((row) -> assertThat(row.get("end")).isNotNull());
		for (Document row : organizations) {
			Organization read = fast.read(Organization.class, row);
			assertThat(read).as("%s", row)
				.usingRecursiveComparison()
				.withStrictTypeChecking()
				.isEqualTo(generic.read(Organization.class, row));
		}
		for (Document row : appointments) {
			Appointment read = fast.read(Appointment.class, row);
			assertThat(read).as("%s", row)
				.usingRecursiveComparison()
				.withStrictTypeChecking()
				.isEqualTo(generic.read(Appointment.class, row));
		}
		this.mongo.getCollection("cadres")
			.insertMany(List.of(new Document("_id", "imported-9").append("code", "G-9").append("name", "无范围"),
					new Document("_id", new ObjectId()).append("code", "G-10")
						.append("name", "有范围")
						.append("birthYear", 1970)
						.append("orgScope", List.of("b", "a"))));
		List<Document> cadres = this.mongo.findAll(Document.class, "cadres");
		assertThat(cadres).hasSizeGreaterThan(300);
		for (Document row : cadres) {
			Cadre read = fast.read(Cadre.class, row);
			assertThat(read).as("%s", row)
				.usingRecursiveComparison()
				.withStrictTypeChecking()
				.isEqualTo(generic.read(Cadre.class, row));
		}
		// and through the template's own reads
		assertThat(this.mongo.findById("imported-7", Organization.class).path()).containsExactly("imported-7");
		assertThat(this.mongo.findById("imported-8", Appointment.class).cadreId()).isEqualTo("c");
	}

	/**
	 * Reads publish no per-document lifecycle events: nothing listens to them, and
	 * looking up listeners for each document read cost more than some reads.
	 */
	@Test
	void readsPublishNoLifecycleEvents() {
		List<Object> published = new ArrayList<>();
		ApplicationListener<MongoMappingEvent<?>> listener = published::add;
		((org.springframework.context.support.AbstractApplicationContext) this.context)
			.addApplicationListener(listener);
		this.mongo.getCollection("organizations")
			.insertOne(new Document("_id", new ObjectId()).append("code", "EV-1").append("path", List.of("x")));
		assertThat(this.mongo.findAll(Organization.class)).isNotEmpty();
		assertThat(published).isEmpty();
		this.context.publishEvent(new AfterLoadEvent<>(new Document(), Organization.class, "organizations"));
		assertThat(published).as("the listener hears what is published").hasSize(1);
	}

	/** Spring Data's mapping with this application's conversions but the readers. */
	private static MappingMongoConverter genericConverter() {
		MongoCustomConversions conversions = MongoCustomConversions.create((adapter) -> {
			adapter.useNativeDriverJavaTimeCodecs();
			adapter.bigDecimal(MongoCustomConversions.BigDecimalRepresentation.DECIMAL128);
		});
		MongoMappingContext context = new MongoMappingContext();
		context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		context.afterPropertiesSet();
		MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
		converter.setCustomConversions(conversions);
		converter.afterPropertiesSet();
		return converter;
	}

}
