package org.oversight.scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import org.oversight.core.mongo.EmbeddedMongoServer;
import org.oversight.core.test.TestDatabase;

/**
 * Another Oversight process beside a test's application context: a context of its own
 * (its Quartz scheduler, MongoDB client and beans) on the same database, as a client of
 * it (it must never own the shared embedded server), on the test clock, with the test
 * doubles.
 */
public final class OtherProcess {

	private OtherProcess() {
	}

	public static ConfigurableApplicationContext start(ConfigurableApplicationContext testContext,
			String... properties) {
		String database = testContext.getEnvironment().getProperty("oversight.mongodb-uri", "");
		if (database.isBlank()) {
			database = testContext.getBean(EmbeddedMongoServer.class).connectionString();
		}
		List<String> all = new ArrayList<>(List.of(properties));
		all.add("oversight.mongodb-uri=" + database);
		return new SpringApplicationBuilder(SchedulerTestApplication.class, TestDoubles.class, Clock.class)
			.web(WebApplicationType.NONE)
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton("skipTestConfigurations", new SkipTestConfigurations()))
			.properties(all.toArray(String[]::new))
			.run();
	}

	/** The test clock of the other process. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Clock {

		@Bean
		@Primary
		TestDatabase.MutableClock otherProcessClock() {
			TestDatabase.MutableClock clock = new TestDatabase.MutableClock(Instant.EPOCH, TestDatabase.ZONE);
			clock.reset();
			return clock;
		}

	}

	/**
	 * Keeps test configurations found by scanning (TestDatabase, which would own the
	 * shared embedded server) out of the other process, as Spring Boot's test support
	 * does for test contexts.
	 */
	static class SkipTestConfigurations extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
			return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
		}

	}

}
