package org.oversight.api.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import org.oversight.api.viewer.Viewer;

/**
 * A signed-in request: its principal is the {@link Viewer}; its authorities the roles.
 */
final class ViewerAuthentication extends AbstractAuthenticationToken {

	private final Viewer viewer;

	ViewerAuthentication(Viewer viewer) {
		super(viewer.roles().stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
		this.viewer = viewer;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Viewer getPrincipal() {
		return this.viewer;
	}

	@Override
	public String getName() {
		return this.viewer.username();
	}

	static List<String> roleNames(Viewer viewer) {
		return viewer.roles().stream().map(Enum::name).sorted().toList();
	}

}
