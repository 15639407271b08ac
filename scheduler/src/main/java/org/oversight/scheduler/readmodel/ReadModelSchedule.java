package org.oversight.scheduler.readmodel;

import org.quartz.JobDetail;
import org.quartz.Trigger;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.oversight.scheduler.runtime.JobNames;
import org.oversight.scheduler.runtime.SchedulerProperties;
import org.oversight.scheduler.runtime.Schedules;

@Configuration(proxyBeanMethods = false)
class ReadModelSchedule {

	@Bean
	JobDetail readModelsJob() {
		return Schedules.job(ReadModelRebuildJob.class, JobNames.READ_MODELS,
				"Rebuilds the read models: lookup lists and subtree tallies (读模型重建)");
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "oversight.scheduler.enabled", matchIfMissing = true)
	Trigger readModelsTrigger(JobDetail readModelsJob, Schedules schedules, SchedulerProperties properties) {
		return schedules.cron(readModelsJob, properties.readModelsCron());
	}

}
