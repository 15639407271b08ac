package org.oversight.scheduler.sweep;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

import org.springframework.scheduling.quartz.QuartzJobBean;

import org.oversight.core.common.Today;
import org.oversight.scheduler.runtime.Schedules;

/** Quartz adapter: the scheduled overdue sweep, as of the day it fires. */
@DisallowConcurrentExecution
class OverdueSweepJob extends QuartzJobBean {

	private final OverdueSweepRuns runs;

	private final Today today;

	OverdueSweepJob(OverdueSweepRuns runs, Today today) {
		this.runs = runs;
		this.today = today;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		this.runs.scheduled(Schedules.scheduledFireTime(context), this.today.date());
	}

}
