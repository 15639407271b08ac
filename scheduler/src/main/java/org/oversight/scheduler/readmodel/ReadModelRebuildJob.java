package org.oversight.scheduler.readmodel;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

import org.springframework.scheduling.quartz.QuartzJobBean;

import org.oversight.scheduler.runtime.Schedules;

/** Quartz adapter: the nightly rebuild of the read models. */
@DisallowConcurrentExecution
class ReadModelRebuildJob extends QuartzJobBean {

	private final ReadModelRebuilds rebuilds;

	ReadModelRebuildJob(ReadModelRebuilds rebuilds) {
		this.rebuilds = rebuilds;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		this.rebuilds.scheduled(Schedules.scheduledFireTime(context));
	}

}
