package org.oversight.core.readmodel;

import org.springframework.stereotype.Service;

import org.oversight.core.lookup.LookupLists;
import org.oversight.core.organization.OrganizationLifecycleListener;
import org.oversight.core.tally.SubtreeTallies;

/**
 * Rebuilds every read model: the lookup lists (only adds what writes around the services
 * left out) and the subtree tallies (recounts and corrects). Both are safe while writers
 * run and in several processes at once.
 */
@Service
public class ReadModels implements OrganizationLifecycleListener {

	private final SubtreeTallies tallies;

	private final LookupLists lookups;

	ReadModels(SubtreeTallies tallies, LookupLists lookups) {
		this.tallies = tallies;
		this.lookups = lookups;
	}

	/** What a rebuild did. */
	public record Rebuild(int lookupKeys, SubtreeTallies.Rebuild tallies, long millis) {
	}

	public Rebuild rebuild() {
		long started = System.nanoTime();
		int keys = this.lookups.rebuildAll();
		SubtreeTallies.Rebuild tallied = this.tallies.rebuild();
		return new Rebuild(keys, tallied, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * A move rewrites the paths below the organization: the subtree tallies are recounted
	 * and the lists keyed by a path gain the new keys (the old ones are left as ids too
	 * many, which readers skip).
	 */
	@Override
	public void organizationMoved(String organizationId) {
		if (this.tallies.built()) {
			this.tallies.rebuild();
		}
		this.lookups.rebuildPathLists();
	}

	/** Whether every read model was built once. */
	public boolean built() {
		return this.lookups.allBuilt() && this.tallies.built();
	}

}
