package org.oversight.core.organization;

import java.time.LocalDate;

/**
 * Lets other features keep their own data right when an organization moves or is
 * dissolved, without the organization feature knowing them. Implementations must be
 * idempotent: a retried move or dissolution calls them again.
 */
public interface OrganizationLifecycleListener {

	/** After every path below {@code organizationId} was rewritten. */
	default void organizationMoved(String organizationId) {
	}

	/**
	 * Before the organization is marked dissolved on {@code on}; may refuse by throwing a
	 * domain exception.
	 */
	default void organizationDissolving(Organization organization, LocalDate on) {
	}

}
