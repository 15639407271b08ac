package org.oversight.scheduler.report;

import org.quartz.JobDetail;
import org.quartz.Trigger;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import org.oversight.scheduler.runtime.JobNames;
import org.oversight.scheduler.runtime.SchedulerProperties;
import org.oversight.scheduler.runtime.Schedules;

@Configuration(proxyBeanMethods = false)
class ReportSchedule {

	@Bean
	JobDetail ecologyReportsJob() {
		return Schedules.job(EcologyReportsJob.class, JobNames.ECOLOGY_REPORTS,
				"Generates last year's political-ecology reports (政治生态分析研判)");
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "oversight.scheduler.enabled", matchIfMissing = true)
	Trigger ecologyReportsTrigger(JobDetail ecologyReportsJob, Schedules schedules, SchedulerProperties properties) {
		return schedules.cron(ecologyReportsJob, properties.ecologyReportsCron());
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "oversight.scheduler.enabled", matchIfMissing = true)
	CatchUpOnStart ecologyReportsCatchUp(EcologyReportRuns runs, SchedulerProperties properties) {
		return new CatchUpOnStart(runs, properties);
	}

	/** Catches up a missed yearly fire once the process is ready, in the background. */
	static final class CatchUpOnStart {

		private final EcologyReportRuns runs;

		private final SchedulerProperties properties;

		CatchUpOnStart(EcologyReportRuns runs, SchedulerProperties properties) {
			this.runs = runs;
			this.properties = properties;
		}

		@EventListener(ApplicationReadyEvent.class)
		void catchUp() {
			if (this.properties.catchUpOnStart()) {
				this.runs.catchUpInBackground();
			}
		}

	}

}
