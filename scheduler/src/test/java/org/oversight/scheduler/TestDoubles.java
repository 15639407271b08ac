package org.oversight.scheduler;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.oversight.scheduler.obligation.FailingObligationStore;
import org.oversight.scheduler.report.FakeReportGeneration;

/**
 * Test doubles: a report generation standing in for the analytics module, and an
 * obligation store that can be told to die midway. Both behave normally until told
 * otherwise.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDoubles {

	@Bean
	@Primary
	FakeReportGeneration fakeReportGeneration(MongoTemplate mongo) {
		return new FakeReportGeneration(mongo);
	}

	@Bean
	@Primary
	FailingObligationStore failingObligationStore(MongoTemplate mongo) {
		return new FailingObligationStore(mongo);
	}

}
