package org.oversight.scheduler.obligation;

import org.quartz.JobDetail;
import org.quartz.Trigger;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.oversight.core.common.OrgPathCollection;
import org.oversight.scheduler.runtime.JobNames;
import org.oversight.scheduler.runtime.SchedulerProperties;
import org.oversight.scheduler.runtime.Schedules;

@Configuration(proxyBeanMethods = false)
class ObligationSchedule {

	@Bean
	JobDetail talkObligationsJob() {
		return Schedules.job(TalkObligationsJob.class, JobNames.TALK_OBLIGATIONS,
				"Opens and closes talk obligations (任职谈话, 监督谈话, 谈心谈话)");
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "oversight.scheduler.enabled", matchIfMissing = true)
	Trigger talkObligationsTrigger(JobDetail talkObligationsJob, Schedules schedules, SchedulerProperties properties) {
		return schedules.cron(talkObligationsJob, properties.talkObligationsCron());
	}

	/** Moving an organization rewrites the orgPath of its obligations too. */
	@Bean
	OrgPathCollection obligationsCollection() {
		return new OrgPathCollection("obligations");
	}

}
