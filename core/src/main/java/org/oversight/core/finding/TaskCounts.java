package org.oversight.core.finding;

import java.util.Collection;
import java.util.Map;

/**
 * What the finding feature needs to know of its rectification tasks, implemented by the
 * rectification feature (which depends on findings, not the other way round).
 */
public interface TaskCounts {

	/** How many tasks the finding has, and how many of them are VERIFIED. */
	Counts of(String findingId);

	/**
	 * The counts of many findings at once (one read); a finding without tasks may be
	 * absent.
	 */
	Map<String, Counts> ofAll(Collection<String> findingIds);

	record Counts(int tasks, int verified) {

		public boolean anyUnverified() {
			return this.verified < this.tasks;
		}

	}

}
