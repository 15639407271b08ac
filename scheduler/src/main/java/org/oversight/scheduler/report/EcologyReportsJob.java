package org.oversight.scheduler.report;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

import org.springframework.scheduling.quartz.QuartzJobBean;

import org.oversight.core.common.Today;
import org.oversight.scheduler.runtime.Schedules;

/** Quartz adapter: the yearly reports, for the year before the one it fires in. */
@DisallowConcurrentExecution
class EcologyReportsJob extends QuartzJobBean {

	private final EcologyReportRuns runs;

	private final Today today;

	EcologyReportsJob(EcologyReportRuns runs, Today today) {
		this.runs = runs;
		this.today = today;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		this.runs.scheduled(Schedules.scheduledFireTime(context), this.today.date().getYear() - 1);
	}

}
