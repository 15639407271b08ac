package org.oversight.scheduler.runtime;

/**
 * The stable names of Oversight's jobs: Quartz job and trigger keys (all in
 * {@value #GROUP}) and the {@code job} of every recorded run, as the contract spells
 * them.
 */
public final class JobNames {

	/** The Quartz group of every job and trigger. */
	public static final String GROUP = "oversight";

	/** Escalates overdue rectification tasks (daily). */
	public static final String OVERDUE_SWEEP = "overdue-sweep";

	/** Opens and closes talk obligations (daily). */
	public static final String TALK_OBLIGATIONS = "talk-obligations";

	/** Generates the political-ecology reports of the previous year (yearly). */
	public static final String ECOLOGY_REPORTS = "ecology-reports";

	/** Rebuilds the read models: lookup lists and subtree tallies (daily). */
	public static final String READ_MODELS = "read-models";

	private JobNames() {
	}

}
