package org.oversight.core.test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistrar;

import org.oversight.core.mongo.EmbeddedMongoServer;

/**
 * The one place tests get their database. By default the embedded server on its H2
 * backend, in memory, shared by every test context of the JVM. With the system property
 * {@code oversight.test.database=mongodb8} a real MongoDB 8 in a container instead (the
 * surefire execution {@code mongodb8} sets it; {@link DatabaseVariant} skips those runs
 * when Docker is missing).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {

	/** The image every container test uses. */
	public static final String MONGO_IMAGE = "mongo:8.0.4";

	/** The day tests live on unless they move the clock. */
	public static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static EmbeddedMongoServer embedded;

	private static MongoDBContainer container;

	public static boolean containerVariant() {
		return "mongodb8".equals(System.getProperty("oversight.test.database"));
	}

	static synchronized EmbeddedMongoServer sharedEmbedded() {
		if (embedded == null) {
			embedded = EmbeddedMongoServer.inMemoryH2();
			Runtime.getRuntime().addShutdownHook(new Thread(embedded::destroy));
		}
		return embedded;
	}

	static synchronized MongoDBContainer sharedContainer() {
		if (container == null) {
			container = new MongoDBContainer(MONGO_IMAGE);
			container.start();
		}
		return container;
	}

	@Bean
	DynamicPropertyRegistrar testDatabaseProperties() {
		return (registry) -> {
			if (containerVariant()) {
				registry.add("oversight.mongodb-uri", () -> sharedContainer().getReplicaSetUrl("oversight"));
			}
			else {
				registry.add("oversight.mongodb-uri", () -> "");
			}
		};
	}

	@Bean(destroyMethod = "")
	EmbeddedMongoServer embeddedMongoServer() {
		return sharedEmbedded();
	}

	@Bean
	@Primary
	MutableClock testClock() {
		return new MutableClock(TODAY.atTime(10, 0).atZone(ZONE).toInstant(), ZONE);
	}

	/** A clock tests can move; never a sleep. */
	public static final class MutableClock extends Clock {

		private volatile Instant instant;

		private final ZoneId zone;

		public MutableClock(Instant instant, ZoneId zone) {
			this.instant = instant;
			this.zone = zone;
		}

		public void setDate(LocalDate date) {
			this.instant = date.atTime(10, 0).atZone(this.zone).toInstant();
		}

		public void reset() {
			setDate(TODAY);
		}

		@Override
		public ZoneId getZone() {
			return this.zone;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return new MutableClock(this.instant, zone);
		}

		@Override
		public Instant instant() {
			return this.instant;
		}

		static ZoneOffset offset() {
			return ZoneOffset.ofHours(8);
		}

	}

}
