package org.oversight.api.security;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import org.oversight.api.viewer.Viewer;

/** {@code POST /auth/token} with HTTP Basic: a bearer token for browsers and scripts. */
@RestController
class TokenController {

	private final TokenService tokens;

	private final AccountService accounts;

	private final SecurityProperties properties;

	TokenController(TokenService tokens, AccountService accounts, SecurityProperties properties) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.properties = properties;
	}

	@PostMapping("/auth/token")
	ResponseEntity<Map<String, Object>> token(@AuthenticationPrincipal Viewer viewer) {
		Account account = this.accounts.find(viewer.username()).orElse(null);
		if (account == null) {
			return ResponseEntity.status(403).build();
		}
		var jwt = this.tokens.issue(account.username(), account.version(), this.properties.tokenLifetime(), Map.of());
		return ResponseEntity.ok(Map.of("token", jwt.getTokenValue(), "expiresAt", jwt.getExpiresAt().toString()));
	}

}
