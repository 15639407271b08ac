package org.oversight.scheduler.obligation;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

import org.springframework.scheduling.quartz.QuartzJobBean;

import org.oversight.core.common.Today;
import org.oversight.scheduler.runtime.Schedules;

/** Quartz adapter: the daily check of talk obligations, as of the day it fires. */
@DisallowConcurrentExecution
class TalkObligationsJob extends QuartzJobBean {

	private final TalkObligations obligations;

	private final Today today;

	TalkObligationsJob(TalkObligations obligations, Today today) {
		this.obligations = obligations;
		this.today = today;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		this.obligations.scheduled(Schedules.scheduledFireTime(context), this.today.date());
	}

}
