package org.oversight.scheduler.sweep;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import org.oversight.core.job.JobRun;
import org.oversight.core.job.JobRuns;
import org.oversight.core.rectification.OverdueSweep;
import org.oversight.scheduler.runtime.JobNames;
import org.oversight.scheduler.runtime.Outcome;
import org.oversight.scheduler.runtime.RecordedRuns;

/**
 * Runs of the overdue sweep, each recorded as a JobRun of
 * {@value JobNames#OVERDUE_SWEEP}: scheduled fires (once across processes) and runs asked
 * for. The sweep itself issues each step once, keyed by (task, level), so overlapping or
 * resumed runs never repeat one.
 */
@Service
public class OverdueSweepRuns {

	private final OverdueSweep sweep;

	private final RecordedRuns runs;

	private final JobRuns jobRuns;

	OverdueSweepRuns(OverdueSweep sweep, RecordedRuns runs, JobRuns jobRuns) {
		this.sweep = sweep;
		this.runs = runs;
		this.jobRuns = jobRuns;
	}

	/**
	 * The scheduled sweep of everything as of {@code asOf}, unless another process ran
	 * this fire.
	 */
	public Optional<JobRun> scheduled(Instant scheduledFireTime, LocalDate asOf) {
		return this.runs.once(JobNames.OVERDUE_SWEEP, scheduledFireTime, () -> outcome(this.sweep.sweep(asOf, null)));
	}

	/**
	 * A sweep asked for: of the subtree of {@code scopeOrganizationId} (everything when
	 * null) as of {@code asOf} (today when null). Recorded; a refused or failed sweep is
	 * recorded as FAILED and rethrown.
	 */
	public OverdueSweep.Result now(LocalDate asOf, String scopeOrganizationId) {
		return this.jobRuns.record(JobNames.OVERDUE_SWEEP, (run) -> this.sweep.sweep(asOf, scopeOrganizationId),
				(result) -> outcome(result).message(), (result) -> outcome(result).counts());
	}

	static Outcome outcome(OverdueSweep.Result result) {
		int issued = result.remindersIssued() + result.escalations() + result.summonses();
		return new Outcome(
				"examined " + result.examined() + ", overdue " + result.overdue() + ", issued " + issued + " (as of "
						+ result.asOf() + ")",
				Map.of("examined", result.examined(), "overdue", result.overdue(), "remindersIssued",
						result.remindersIssued(), "escalations", result.escalations(), "summonses",
						result.summonses()));
	}

}
