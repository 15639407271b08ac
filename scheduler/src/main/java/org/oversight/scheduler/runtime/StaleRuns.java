package org.oversight.scheduler.runtime;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.oversight.core.job.JobRuns;

/**
 * At start-up, closes the run records a killed process left RUNNING (older than
 * {@code oversight.scheduler.stale-run-after}, two hours by default), so the list of runs
 * tells the truth; the next run of the job completes the work itself.
 */
@Component
class StaleRuns implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(StaleRuns.class);

	private final JobRuns runs;

	private final Duration after;

	StaleRuns(JobRuns runs, @Value("${oversight.scheduler.stale-run-after:2h}") Duration after) {
		this.runs = runs;
		this.after = after;
	}

	@Override
	public void run(ApplicationArguments args) {
		int closed = this.runs.abandonStale(this.after);
		if (closed > 0) {
			logger.warn("Closed {} job runs left RUNNING by a process that stopped", closed);
		}
	}

}
