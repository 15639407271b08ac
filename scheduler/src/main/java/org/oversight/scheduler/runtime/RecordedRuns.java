package org.oversight.scheduler.runtime;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import org.oversight.core.job.JobRun;
import org.oversight.core.job.JobRuns;

/**
 * Every run of a job recorded as a {@link JobRun}: started, then SUCCEEDED with its
 * outcome or FAILED with its error. A scheduled fire is first claimed by inserting its
 * run under the fire key {@code job@scheduledFireTime}, unique in {@code job_runs}: of
 * all the processes that fire for the same time, exactly one inserts it and runs; the
 * others find the key taken and do nothing. A failure is recorded and swallowed, so the
 * next fire runs as usual.
 */
@Component
public class RecordedRuns {

	private static final Logger logger = LoggerFactory.getLogger(RecordedRuns.class);

	private final JobRuns runs;

	RecordedRuns(JobRuns runs) {
		this.runs = runs;
	}

	/** The key that makes a scheduled fire happen once across processes. */
	public static String fireKey(String job, Instant scheduledFireTime) {
		return job + "@" + scheduledFireTime;
	}

	/**
	 * Runs the work for a scheduled fire unless another process claimed it first.
	 * @return the finished run, or empty when the fire belonged to another process
	 */
	public Optional<JobRun> once(String job, Instant scheduledFireTime, Supplier<Outcome> work) {
		return once(job, fireKey(job, scheduledFireTime), work);
	}

	/**
	 * Runs the work for a fire key (a fire's own, or one of its steps') unless another
	 * process claimed it first.
	 * @return the finished run, or empty when the key belonged to another process
	 */
	public Optional<JobRun> once(String job, String key, Supplier<Outcome> work) {
		Optional<JobRun> claimed = this.runs.claim(job, key);
		if (claimed.isEmpty()) {
			logger.info("Fire {} was claimed by another process; not running it here", key);
			return Optional.empty();
		}
		return Optional.of(complete(claimed.get(), work));
	}

	/** Records the start of a run asked for (no fire key). */
	public JobRun start(String job) {
		return this.runs.start(job, null);
	}

	/**
	 * Runs the work of a started run and records how it ended; never throws for a failed
	 * run (errors other than exceptions are recorded, then rethrown).
	 */
	public JobRun complete(JobRun run, Supplier<Outcome> work) {
		Outcome outcome;
		try {
			outcome = work.get();
		}
		catch (RuntimeException | Error ex) {
			logger.warn("Job {} run {} failed", run.job(), run.id(), ex);
			JobRun failed = this.runs.fail(run.id(), describe(ex));
			if (ex instanceof Error error) {
				throw error;
			}
			return failed;
		}
		logger.info("Job {} run {} succeeded: {}", run.job(), run.id(), outcome.message());
		return this.runs.succeed(run.id(), outcome.message(), outcome.counts());
	}

	static String describe(Throwable ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}
