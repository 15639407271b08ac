package org.oversight.scheduler.report;

/**
 * The port through which the scheduler has the political-ecology reports (政治生态分析研判)
 * computed; the analytics module provides the implementation (an adapter bean). Without
 * one, every report run is recorded as FAILED saying so.
 * <p>
 * Contract: {@link #generate} computes (or recomputes) the report of every organization
 * of the subtree for the year, each stored under the key (organization, year) and
 * replaced on recompute. So a run killed midway leaves complete reports or none per
 * organization, and the next run completes the rest without duplicates.
 */
public interface ReportGeneration {

	/**
	 * Generates the reports of {@code year} for the organization
	 * {@code underOrganizationId} and everything below it (everything when null).
	 */
	Summary generate(int year, String underOrganizationId);

	/**
	 * What one generation did.
	 *
	 * @param reports how many reports were stored
	 * @param millis how long it took
	 */
	record Summary(int reports, long millis) {
	}

}
