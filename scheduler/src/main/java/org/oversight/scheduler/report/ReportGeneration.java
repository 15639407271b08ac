package org.oversight.scheduler.report;

import java.util.List;

/**
 * The port through which the scheduler has the political-ecology reports (政治生态分析研判)
 * computed; the analytics module provides the implementation (an adapter bean). Without
 * one, every report run is recorded as FAILED saying so.
 * <p>
 * Contract: {@link #generate} computes (or recomputes) the report of every organization
 * of the subtree for the year, each stored under the key (organization, year) and
 * replaced on recompute. So a run killed midway leaves complete reports or none per
 * organization, and the next run completes the rest without duplicates. The job over
 * every organization can also be split ({@link #split}): each partition computed apart,
 * in any process ({@link #generatePartition}), then the roots from what their children
 * passed up ({@link #generateTop}); the reports are those of one whole run.
 */
public interface ReportGeneration {

	/**
	 * Generates the reports of {@code year} for the organization
	 * {@code underOrganizationId} and everything below it (everything when null).
	 */
	Summary generate(int year, String underOrganizationId);

	/**
	 * How the job over every organization splits into at most {@code partitions}
	 * partitions; the same tree always gives the same split.
	 */
	Split split(int partitions);

	/** Generates the reports of {@code year} for the subtrees of the roots. */
	Summary generatePartition(int year, List<String> roots);

	/**
	 * Generates the report of {@code year} of a root whose children's partitions were
	 * generated.
	 */
	Summary generateTop(int year, String organizationId);

	/**
	 * What one generation did.
	 *
	 * @param reports how many reports were stored
	 * @param millis how long it took
	 */
	record Summary(int reports, long millis) {
	}

	/**
	 * A split of the job over every organization.
	 *
	 * @param partitions the subtrees' roots of each partition
	 * @param tops the roots, generated once every partition is
	 */
	record Split(List<List<String>> partitions, List<String> tops) {
	}

}
