package org.oversight.analytics.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.oversight.analytics.facts.Post;
import org.oversight.analytics.indicator.Figures;

/**
 * What a subtree passes up to its parent for a year: its figures (the counts that add
 * up), and the cadres and counted principals behind its distinct counts, so that the
 * parent, computed apart (the last step of a split report job), counts a cadre holding
 * posts in two subtrees once. Stored in {@value #COLLECTION} by every run over subtrees,
 * for the roots of those subtrees.
 *
 * @param organizationId the subtree's root
 * @param parentId its parent
 * @param year the year
 * @param figures the root's figures over its whole subtree
 * @param cadres the cadres holding a post in the subtree on the reference day
 * @param principals the counted principals of the subtree, each at the post it is counted
 * by ({@link Counted#deeper})
 */
record RollUp(String organizationId, String parentId, int year, Figures figures, Set<String> cadres,
		List<Counted> principals) {

	static final String COLLECTION = "ecology_rollups";

	RollUp {
		cadres = Set.copyOf(cadres);
		principals = List.copyOf(principals);
	}

	static String key(String organizationId, int year) {
		return organizationId + ":" + year;
	}

	/**
	 * A principal post counted for talk coverage, with what the talks made of it.
	 *
	 * @param cadreId the holder
	 * @param postId the appointment
	 * @param depth the depth of its organization
	 * @param start its first day
	 * @param supervised the holder had a SUPERVISION talk by an ancestor principal in the
	 * year
	 * @param isNew the post started in the year
	 * @param timely it had a timely APPOINTMENT talk
	 */
	record Counted(String cadreId, String postId, int depth, LocalDate start, boolean supervised, boolean isNew,
			boolean timely) {

		static Counted of(Post post, boolean supervised, boolean isNew, boolean timely) {
			return new Counted(post.cadreId(), post.id(), post.depth(), post.start(), supervised, isNew, timely);
		}

		/** The same choice as {@link Post#deeper}, so a split run places cadres alike. */
		static Counted deeper(Counted a, Counted b) {
			if (a.depth != b.depth) {
				return (a.depth > b.depth) ? a : b;
			}
			if (!a.start.equals(b.start)) {
				return a.start.isBefore(b.start) ? a : b;
			}
			return (a.postId.compareTo(b.postId) <= 0) ? a : b;
		}

	}

}
