package org.oversight.scheduler.runtime;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;

import org.quartz.CronExpression;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduler's settings ({@code oversight.scheduler.*}). Crons are Quartz cron
 * expressions (seconds first, {@code ?} for the unused day field), read in {@link #zone}.
 *
 * @param enabled run the scheduled jobs in this process
 * ({@code OVERSIGHT_SCHEDULER_ENABLED}); when false no trigger is scheduled and Quartz
 * does not start, while the services stay usable
 * @param zone the zone of the crons; null means {@code oversight.time-zone}
 * @param overdueSweepCron when the overdue sweep runs (default daily 01:00)
 * @param talkObligationsCron when talk obligations are checked (default daily 02:00)
 * @param ecologyReportsCron when last year's political-ecology reports are generated
 * (default 15 January 03:00)
 * @param catchUpOnStart at start-up, generate last year's reports if their fire was
 * missed
 * @param reportWait how long {@code generateEcologyReports} waits for the run before it
 * answers RUNNING
 * @param lease how long a lease (the lock of the start-up catch-up) outlives a process
 * that died holding it; renewed while its holder runs
 * @param obligationLeadTime how long before its due date a periodic talk obligation
 * (SUPERVISION, HEART_TO_HEART) is opened
 * @param readModelsCron when the read models (lookup lists, subtree tallies) are rebuilt
 * (default daily 02:30)
 * @param reportPartitions how many partitions the yearly reports are split into, each
 * claimed by one scheduler process, the roots computed once all succeeded; 1 runs them in
 * one piece
 */
@ConfigurationProperties("oversight.scheduler")
public record SchedulerProperties(@DefaultValue("true") boolean enabled, ZoneId zone,
		@DefaultValue("0 0 1 * * ?") String overdueSweepCron, @DefaultValue("0 0 2 * * ?") String talkObligationsCron,
		@DefaultValue("0 0 3 15 1 ?") String ecologyReportsCron, @DefaultValue("true") boolean catchUpOnStart,
		@DefaultValue("5s") Duration reportWait, @DefaultValue("2m") Duration lease,
		@DefaultValue("30d") Period obligationLeadTime, @DefaultValue("0 30 2 * * ?") String readModelsCron,
		@DefaultValue("1") int reportPartitions) {

	public SchedulerProperties {
		requireCron("overdue-sweep-cron", overdueSweepCron);
		requireCron("talk-obligations-cron", talkObligationsCron);
		requireCron("ecology-reports-cron", ecologyReportsCron);
		requireCron("read-models-cron", readModelsCron);
		if (reportWait.isNegative()) {
			throw new IllegalArgumentException("oversight.scheduler.report-wait must not be negative");
		}
		if (lease.compareTo(Duration.ofSeconds(30)) < 0) {
			throw new IllegalArgumentException("oversight.scheduler.lease must be at least 30s");
		}
		if (reportPartitions < 1) {
			throw new IllegalArgumentException(
					"oversight.scheduler.report-partitions must be at least 1 (1: the reports in one piece)");
		}
		if (obligationLeadTime.isNegative()) {
			throw new IllegalArgumentException("oversight.scheduler.obligation-lead-time must not be negative");
		}
	}

	private static void requireCron(String name, String value) {
		if (value == null || !CronExpression.isValidExpression(value)) {
			throw new IllegalArgumentException("oversight.scheduler." + name + " is not a Quartz cron expression: '"
					+ value + "' (e.g. '0 0 1 * * ?' for daily at 01:00)");
		}
	}

	/** The zone of the crons: {@link #zone} when set, otherwise {@code fallback}. */
	public ZoneId zoneOr(ZoneId fallback) {
		return (this.zone != null) ? this.zone : fallback;
	}

}
