package org.oversight.scheduler;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerContext;
import org.quartz.SchedulerException;

import org.springframework.context.ApplicationContext;

import org.oversight.core.test.TestDatabase;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Fires a Quartz job the way Quartz does (a new job bean with its dependencies, executed
 * with a context that carries the scheduled fire time), without waiting for a trigger.
 */
public final class JobFires {

	private JobFires() {
	}

	/** The fire time of a daily job at 01:00 on {@code day} in the test zone. */
	public static Instant at(LocalDate day) {
		return day.atTime(1, 0).atZone(TestDatabase.ZONE).toInstant();
	}

	public static void fire(ApplicationContext context, Class<? extends Job> type, Instant scheduledFireTime) {
		Job job = context.getAutowireCapableBeanFactory().createBean(type);
		try {
			job.execute(execution(scheduledFireTime));
		}
		catch (JobExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JobExecutionContext execution(Instant scheduledFireTime) {
		try {
			Scheduler scheduler = mock(Scheduler.class);
			given(scheduler.getContext()).willReturn(new SchedulerContext());
			JobExecutionContext execution = mock(JobExecutionContext.class);
			given(execution.getScheduler()).willReturn(scheduler);
			given(execution.getMergedJobDataMap()).willReturn(new JobDataMap());
			given(execution.getScheduledFireTime()).willReturn(Date.from(scheduledFireTime));
			given(execution.getFireTime()).willReturn(Date.from(scheduledFireTime));
			return execution;
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
