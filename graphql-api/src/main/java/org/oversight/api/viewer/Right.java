package org.oversight.api.viewer;

import java.util.EnumSet;
import java.util.Set;

/** What an operation needs; each right lists the roles that have it (ADMIN has all). */
public enum Right {

	READ(EnumSet.of(Role.INSPECTOR, Role.ORGANIZATION, Role.ANALYST, Role.VIEWER)),
	MANAGE_ORGANIZATIONS(EnumSet.of(Role.ORGANIZATION)), RECORD_TALKS(EnumSet.of(Role.ORGANIZATION, Role.INSPECTOR)),
	RECORD_MEETINGS(EnumSet.of(Role.ORGANIZATION)), MANAGE_FINDINGS(EnumSet.of(Role.INSPECTOR)),
	RUN_SWEEPS(EnumSet.of(Role.INSPECTOR)), GENERATE_REPORTS(EnumSet.of(Role.ANALYST)),
	READ_INFORMANTS(EnumSet.of(Role.INFORMANT_ACCESS)), MANAGE_ACCOUNTS(EnumSet.noneOf(Role.class)),
	MAINTAIN(EnumSet.noneOf(Role.class));

	private final Set<Role> roles;

	Right(Set<Role> roles) {
		this.roles = roles;
	}

	/**
	 * ADMIN holds every right but one: an informant's identity is shown only to accounts
	 * that hold INFORMANT_ACCESS explicitly.
	 */
	public boolean grantedTo(Set<Role> held) {
		if (this == READ_INFORMANTS) {
			return held.contains(Role.INFORMANT_ACCESS);
		}
		return held.contains(Role.ADMIN) || held.stream().anyMatch(this.roles::contains);
	}

}
