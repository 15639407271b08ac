package org.oversight.api.graphql;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import org.oversight.api.viewer.Viewer;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.Organizations;
import org.oversight.core.tally.SubtreeTallies;
import org.oversight.core.tally.TallyFilter;

/**
 * Totals of lists read from the subtree tallies instead of counting records, where that
 * gives the same answer: the filter is one the tallies hold, the subtree counted lies
 * wholly inside the caller's scope, and the caller has nothing recused (a recusal hides
 * single records the tallies cannot tell apart).
 */
@Component
public class TalliedCounts {

	private final SubtreeTallies tallies;

	private final Organizations organizations;

	TalliedCounts(SubtreeTallies tallies, Organizations organizations) {
		this.tallies = tallies;
		this.organizations = organizations;
	}

	/**
	 * The tally filter for a count over a subtree the caller sees whole, or null when the
	 * tallies cannot give it.
	 */
	public static TallyFilter usable(Viewer viewer, TallyFilter filter) {
		return (filter != null && viewer.scope().recusedCadreId() == null) ? filter : null;
	}

	/**
	 * The total of a list over the subtree of {@code under} (the caller's scope when
	 * null), or empty when the records must be counted.
	 */
	public Optional<Long> count(Viewer viewer, String under, TallyFilter filter) {
		TallyFilter usable = usable(viewer, filter);
		String root = (under != null) ? under : viewer.scope().organizationId();
		if (usable == null || root == null) {
			return Optional.empty();
		}
		if (under != null && !viewer.scope().unrestricted()) {
			Optional<Organization> organization = org.bson.types.ObjectId.isValid(under)
					? this.organizations.findById(under) : Optional.empty();
			if (organization.isEmpty() || !viewer.sees(organization.get().path())) {
				return Optional.empty();
			}
		}
		return this.tallies.count(usable, List.of(root)).map((counts) -> counts.get(root));
	}

}
