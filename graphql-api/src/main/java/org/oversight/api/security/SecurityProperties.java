package org.oversight.api.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings ({@code oversight.security.*}).
 *
 * @param adminPassword password of the bootstrap account {@code admin}
 * ({@code OVERSIGHT_ADMIN_PASSWORD}); blank for a random one printed once
 * @param jwtIssuerUri an OpenID Connect issuer whose bearer tokens are accepted too
 * ({@code OVERSIGHT_JWT_ISSUER_URI})
 * @param maxFailedSignIns failed sign-ins in a row that lock an account
 * @param lockout how long a lock lasts
 * @param tokenLifetime how long a token from {@code /auth/token} is valid
 * @param basicCache how long a successful Basic check is remembered
 * @param downloadLinkLifetime how long a report download link is valid
 * @param corsOrigins dashboard origins allowed to call the API from a browser
 */
@ConfigurationProperties("oversight.security")
public record SecurityProperties(String adminPassword, String jwtIssuerUri, @DefaultValue("5") int maxFailedSignIns,
		@DefaultValue("15m") Duration lockout, @DefaultValue("8h") Duration tokenLifetime,
		@DefaultValue("60s") Duration basicCache, @DefaultValue("10m") Duration downloadLinkLifetime,
		@DefaultValue List<String> corsOrigins) {

	public boolean externalIssuer() {
		return this.jwtIssuerUri != null && !this.jwtIssuerUri.isBlank();
	}

}
