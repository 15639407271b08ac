package org.oversight.scheduler.sweep;

import org.quartz.JobDetail;
import org.quartz.Trigger;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.oversight.scheduler.runtime.JobNames;
import org.oversight.scheduler.runtime.SchedulerProperties;
import org.oversight.scheduler.runtime.Schedules;

@Configuration(proxyBeanMethods = false)
class SweepSchedule {

	@Bean
	JobDetail overdueSweepJob() {
		return Schedules.job(OverdueSweepJob.class, JobNames.OVERDUE_SWEEP,
				"Escalates overdue rectification tasks (提醒督办函, 提级督办, 约谈)");
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "oversight.scheduler.enabled", matchIfMissing = true)
	Trigger overdueSweepTrigger(JobDetail overdueSweepJob, Schedules schedules, SchedulerProperties properties) {
		return schedules.cron(overdueSweepJob, properties.overdueSweepCron());
	}

}
