package org.oversight.scheduler.runtime;

import java.util.Map;

/**
 * What a finished run reports: a one-line message and its counts, as stored on the
 * {@link org.oversight.core.job.JobRun}.
 */
public record Outcome(String message, Map<String, Object> counts) {

	public Outcome {
		counts = Map.copyOf(counts);
	}

}
