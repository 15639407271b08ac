package org.oversight.scheduler;

import java.time.LocalDate;

import org.springframework.stereotype.Service;

import org.oversight.core.job.JobRun;
import org.oversight.core.rectification.OverdueSweep;
import org.oversight.scheduler.obligation.TalkObligations;
import org.oversight.scheduler.report.EcologyReportRuns;
import org.oversight.scheduler.sweep.OverdueSweepRuns;
import org.oversight.scheduler.readmodel.ReadModelRebuilds;

/**
 * The jobs run now, as asked for through the API, in any process, whether or not the
 * scheduler runs there. Every call is recorded as a JobRun (no fire key: a run asked for
 * is never mistaken for a scheduled fire).
 */
@Service
public class SchedulerJobs {

	private final OverdueSweepRuns sweeps;

	private final EcologyReportRuns reports;

	private final TalkObligations obligations;

	private final ReadModelRebuilds tallies;

	SchedulerJobs(OverdueSweepRuns sweeps, EcologyReportRuns reports, TalkObligations obligations,
			ReadModelRebuilds tallies) {
		this.tallies = tallies;
		this.sweeps = sweeps;
		this.reports = reports;
		this.obligations = obligations;
	}

	/**
	 * Sweeps the subtree of {@code scopeOrganizationId} (everything when null) as of
	 * {@code asOf} (today when null); a run of "overdue-sweep". A refused sweep (asOf
	 * after today) is recorded as FAILED and its DomainException rethrown.
	 */
	public OverdueSweep.Result runOverdueSweep(LocalDate asOf, String scopeOrganizationId) {
		return this.sweeps.now(asOf, scopeOrganizationId);
	}

	/**
	 * Starts computing (or recomputing) the political-ecology reports of {@code year} for
	 * {@code underOrganizationId} and everything below it (everything when null); a run
	 * of "ecology-reports", SUCCEEDED (or FAILED) when it ended within
	 * {@code oversight.scheduler.report-wait}, RUNNING otherwise (it goes on in the
	 * background; poll the run).
	 * @throws org.oversight.core.common.DomainException.Invalid for a year after this one
	 * @throws org.oversight.core.common.DomainException.NotFound for an unknown
	 * organization
	 */
	public JobRun generateEcologyReports(int year, String underOrganizationId) {
		return this.reports.generate(year, underOrganizationId);
	}

	/** Checks the talk obligations as of today now; a run of "talk-obligations". */
	public JobRun checkTalkObligations() {
		return this.obligations.now();
	}

	/** Rebuilds the read models now; a run of "read-models". */
	public JobRun rebuildReadModels() {
		return this.tallies.now();
	}

}
