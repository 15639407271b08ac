package org.oversight.api.security;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import org.oversight.api.viewer.Role;

/**
 * A local account. The password is kept only as a BCrypt hash. {@code version} changes
 * with every change of the account (password, roles, scope, disabled), which ends
 * remembered sign-ins and tokens issued before it.
 */
@Document("accounts")
public record Account(@Id String username, String passwordHash, Set<Role> roles, String scopeOrganizationId,
		String cadreId, boolean disabled, int failedSignIns, Instant lockedUntil, long version, Instant createdAt,
		String createdBy) {

	public boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

}
