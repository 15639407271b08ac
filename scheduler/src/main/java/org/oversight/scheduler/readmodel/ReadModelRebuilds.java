package org.oversight.scheduler.readmodel;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import org.oversight.core.job.JobRun;
import org.oversight.core.readmodel.ReadModels;
import org.oversight.scheduler.runtime.JobNames;
import org.oversight.scheduler.runtime.Outcome;
import org.oversight.scheduler.runtime.RecordedRuns;

/**
 * Rebuilds of the read models (lookup lists and subtree tallies), each recorded as a run
 * of {@value JobNames#READ_MODELS}: scheduled (once per fire across processes) or asked
 * for.
 */
@Service
public class ReadModelRebuilds {

	private final ReadModels readModels;

	private final RecordedRuns runs;

	ReadModelRebuilds(ReadModels readModels, RecordedRuns runs) {
		this.readModels = readModels;
		this.runs = runs;
	}

	/** The scheduled rebuild, unless another process ran this fire. */
	public Optional<JobRun> scheduled(Instant scheduledFireTime) {
		return this.runs.once(JobNames.READ_MODELS, scheduledFireTime, this::rebuild);
	}

	/** A rebuild now. */
	public JobRun now() {
		return this.runs.complete(this.runs.start(JobNames.READ_MODELS), this::rebuild);
	}

	private Outcome rebuild() {
		ReadModels.Rebuild result = this.readModels.rebuild();
		return new Outcome(
				"Lookup lists: " + result.lookupKeys() + " keys; subtree tallies of " + result.tallies().organizations()
						+ " organizations: " + result.tallies().corrected() + " corrected, "
						+ result.tallies().skipped() + " changed meanwhile (left to the next run)",
				Map.of("lookupKeys", result.lookupKeys(), "organizations", result.tallies().organizations(),
						"corrected", result.tallies().corrected(), "skipped", result.tallies().skipped(), "millis",
						result.millis()));
	}

}
