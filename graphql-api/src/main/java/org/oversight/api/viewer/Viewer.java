package org.oversight.api.viewer;

import java.util.List;
import java.util.Set;

import org.oversight.core.common.DomainException;
import org.oversight.core.common.Scope;

/**
 * The signed-in account as the API sees it: who, which roles, which subtree, and which
 * cadre it is linked to (whose own records it never sees).
 */
public record Viewer(String username, Set<Role> roles, String scopeOrganizationId, String cadreId) {

	public static final String CONTEXT_KEY = Viewer.class.getName();

	public static Viewer system() {
		return new Viewer("system", Set.of(Role.ADMIN), null, null);
	}

	/** Someone not signed in: no role, so every operation is FORBIDDEN. */
	public static Viewer anonymous() {
		return new Viewer("anonymous", Set.of(), "000000000000000000000000", null);
	}

	public Scope scope() {
		return new Scope(this.scopeOrganizationId, this.cadreId);
	}

	public boolean has(Right right) {
		return right.grantedTo(this.roles);
	}

	/** FORBIDDEN unless the viewer holds the right. */
	public void require(Right right) {
		if (!has(right)) {
			throw new DomainException.Forbidden("Your roles " + this.roles + " may not do this");
		}
	}

	/** FORBIDDEN unless the path lies inside the viewer's scope. */
	public void requireInScope(List<String> path) {
		if (!scope().contains(path)) {
			throw new DomainException.Forbidden("Outside your organization scope");
		}
	}

	public boolean sees(List<String> path) {
		return scope().contains(path);
	}

}
