package org.oversight.scheduler.runtime;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.springframework.stereotype.Component;

import org.oversight.core.common.OversightProperties;

/**
 * Builds the jobs and triggers of every feature the same way: durable jobs and cron
 * triggers named after the job, in group {@value JobNames#GROUP}, read in the configured
 * zone. Triggers ignore the misfire policy: a fire that comes late (a busy or paused
 * scheduler) keeps its scheduled time, so it claims the same run as the other processes
 * and never becomes a second run.
 */
@Component
public class Schedules {

	private final ZoneId zone;

	Schedules(SchedulerProperties properties, OversightProperties oversight) {
		this.zone = properties.zoneOr(oversight.timeZone());
	}

	public ZoneId zone() {
		return this.zone;
	}

	public static JobDetail job(Class<? extends Job> type, String name, String description) {
		return JobBuilder.newJob(type)
			.withIdentity(name, JobNames.GROUP)
			.withDescription(description)
			.storeDurably()
			.build();
	}

	public Trigger cron(JobDetail job, String cron) {
		return TriggerBuilder.newTrigger()
			.forJob(job)
			.withIdentity(job.getKey().getName(), JobNames.GROUP)
			.withDescription(cron + " (" + this.zone + ")")
			.withSchedule(CronScheduleBuilder.cronSchedule(cron)
				.inTimeZone(TimeZone.getTimeZone(this.zone))
				.withMisfireHandlingInstructionIgnoreMisfires())
			.build();
	}

	/**
	 * The time the fire was scheduled for: the same in every process whose trigger has
	 * the same cron and zone, however late this process fires.
	 */
	public static Instant scheduledFireTime(JobExecutionContext context) {
		Date scheduled = context.getScheduledFireTime();
		return (scheduled != null) ? scheduled.toInstant() : context.getFireTime().toInstant();
	}

}
