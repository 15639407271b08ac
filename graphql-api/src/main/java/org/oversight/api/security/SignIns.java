package org.oversight.api.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.nimbusds.jwt.JWTParser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.stereotype.Component;

import org.oversight.api.viewer.Role;
import org.oversight.api.viewer.Viewer;
import org.oversight.core.organization.Organizations;

/**
 * Turns credentials into a {@link Viewer}: HTTP Basic against local accounts, the
 * server's own bearer tokens, and (when an issuer is configured) bearer JWTs from that
 * issuer with the claims {@code preferred_username}/{@code sub}, {@code roles} and
 * {@code oversight_org}.
 */
@Component
public class SignIns implements AuthenticationProvider, JwtDecoder, Converter<Jwt, AbstractAuthenticationToken> {

	private final AccountService accounts;

	private final TokenService tokens;

	private final SecurityProperties properties;

	private final Organizations organizations;

	private final ObjectProvider<ExternalJwtDecoder> external;

	private volatile JwtDecoder issuerDecoder;

	SignIns(AccountService accounts, TokenService tokens, SecurityProperties properties, Organizations organizations,
			ObjectProvider<ExternalJwtDecoder> external) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.properties = properties;
		this.organizations = organizations;
		this.external = external;
	}

	/**
	 * A decoder for an external issuer's tokens (tests supply one built on a local key).
	 */
	public interface ExternalJwtDecoder extends JwtDecoder {

	}

	// HTTP Basic

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		Object credentials = authentication.getCredentials();
		AccountService.SignIn signIn = this.accounts.signIn(username,
				(credentials != null) ? credentials.toString() : null);
		if (!signIn.succeeded()) {
			switch (signIn.failure()) {
				case LOCKED -> throw new LockedException("Account locked");
				case DISABLED -> throw new DisabledException("Account disabled");
				default -> throw new BadCredentialsException("Bad credentials");
			}
		}
		return new ViewerAuthentication(viewer(signIn.account()));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	static Viewer viewer(Account account) {
		return new Viewer(account.username(), Set.copyOf(account.roles()), account.scopeOrganizationId(),
				account.cadreId());
	}

	/**
	 * "Basic …" or "Bearer …", as sent in a header or in a subscription's
	 * connection_init.
	 */
	public Viewer fromAuthorization(String authorization) {
		if (authorization == null) {
			throw new BadCredentialsException("No credentials");
		}
		String value = authorization.strip();
		if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
			String decoded;
			try {
				decoded = new String(Base64.getDecoder().decode(value.substring(6).strip()), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				throw new BadCredentialsException("Malformed Basic credentials");
			}
			int colon = decoded.indexOf(':');
			if (colon < 0) {
				throw new BadCredentialsException("Malformed Basic credentials");
			}
			Authentication result = authenticate(UsernamePasswordAuthenticationToken
				.unauthenticated(decoded.substring(0, colon), decoded.substring(colon + 1)));
			return (Viewer) result.getPrincipal();
		}
		if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
			try {
				return (Viewer) convert(decode(value.substring(7).strip())).getPrincipal();
			}
			catch (JwtException | AuthenticationException ex) {
				throw new BadCredentialsException("Invalid token");
			}
		}
		throw new BadCredentialsException("Unsupported credentials");
	}

	// Bearer tokens

	@Override
	public Jwt decode(String token) throws JwtException {
		String issuer;
		try {
			issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
		}
		catch (Exception ex) {
			throw new BadJwtException("Malformed token");
		}
		if (TokenService.ISSUER.equals(issuer)) {
			return this.tokens.decoder().decode(token);
		}
		JwtDecoder decoder = externalDecoder();
		if (decoder == null) {
			throw new BadJwtException("Tokens of this issuer are not accepted");
		}
		return decoder.decode(token);
	}

	private JwtDecoder externalDecoder() {
		ExternalJwtDecoder given = this.external.getIfAvailable();
		if (given != null) {
			return given;
		}
		if (!this.properties.externalIssuer()) {
			return null;
		}
		if (this.issuerDecoder == null) {
			synchronized (this) {
				if (this.issuerDecoder == null) {
					this.issuerDecoder = JwtDecoders.fromIssuerLocation(this.properties.jwtIssuerUri());
				}
			}
		}
		return this.issuerDecoder;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		if (TokenService.ISSUER.equals(jwt.getClaimAsString("iss"))) {
			Account account = this.accounts.find(jwt.getSubject())
				.orElseThrow(() -> new org.springframework.security.oauth2.server.resource.InvalidBearerTokenException(
						"Unknown account"));
			Number version = jwt.getClaim("ver");
			if (account.disabled() || version == null || version.longValue() != account.version()) {
				throw new org.springframework.security.oauth2.server.resource.InvalidBearerTokenException(
						"Token no longer valid");
			}
			return new ViewerAuthentication(viewer(account));
		}
		String username = jwt.getClaimAsString("preferred_username");
		if (username == null || username.isBlank()) {
			username = jwt.getSubject();
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		List<String> claimed = jwt.getClaimAsStringList("roles");
		if (claimed != null) {
			for (String name : claimed) {
				try {
					roles.add(Role.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT)));
				}
				catch (IllegalArgumentException ex) {
					// roles of other systems are ignored
				}
			}
		}
		String scopeCode = jwt.getClaimAsString("oversight_org");
		String scopeId = null;
		if (scopeCode != null && !scopeCode.isBlank()) {
			scopeId = this.organizations.findByCode(scopeCode)
				.orElseThrow(() -> new org.springframework.security.oauth2.server.resource.InvalidBearerTokenException(
						"Unknown organization in oversight_org"))
				.id();
		}
		return new ViewerAuthentication(new Viewer(username, roles, scopeId, null));
	}

}
