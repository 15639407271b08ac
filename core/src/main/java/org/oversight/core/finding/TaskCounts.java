package org.oversight.core.finding;

/**
 * What the finding feature needs to know of its rectification tasks, implemented by the
 * rectification feature (which depends on findings, not the other way round).
 */
public interface TaskCounts {

	/** How many tasks the finding has, and how many of them are VERIFIED. */
	Counts of(String findingId);

	record Counts(int tasks, int verified) {

		public boolean anyUnverified() {
			return this.verified < this.tasks;
		}

	}

}
