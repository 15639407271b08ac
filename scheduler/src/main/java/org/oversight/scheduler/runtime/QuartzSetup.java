package org.oversight.scheduler.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Quartz with its in-memory job store in every scheduler process; the triggers of each
 * feature exist only while {@code oversight.scheduler.enabled} is true, and Quartz starts
 * only then. Exactly once across processes comes from {@link RecordedRuns}, not from the
 * job store (see SCHEDULING.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulerProperties.class)
class QuartzSetup {

	private static final Logger logger = LoggerFactory.getLogger(QuartzSetup.class);

	@Bean
	SchedulerFactoryBeanCustomizer oversightSchedulerSwitch(SchedulerProperties properties) {
		return (factory) -> {
			factory.setAutoStartup(properties.enabled());
			if (!properties.enabled()) {
				logger.info("Scheduled jobs are off in this process (oversight.scheduler.enabled=false)");
			}
		};
	}

}
