package org.oversight.api.account;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import org.oversight.api.security.SignIns;
import org.oversight.api.test.ApiIntegrationTest;
import org.oversight.api.test.ApiTestSupport;
import org.oversight.api.test.World;
import org.oversight.api.viewer.Role;

import static org.assertj.core.api.Assertions.assertThat;

@ApiIntegrationTest
@Import(AccountApiIntegrationTests.ExternalIssuer.class)
class AccountApiIntegrationTests extends ApiTestSupport {

	static final KeyPair ISSUER_KEYS = keys();

	static KeyPair keys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An external issuer whose key was made in this test: no network. */
	@TestConfiguration(proxyBeanMethods = false)
	static class ExternalIssuer {

		@Bean
		SignIns.ExternalJwtDecoder externalJwtDecoder() {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) ISSUER_KEYS.getPublic()).build();
			decoder.setJwtValidator(
					(jwt) -> org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.success());
			return decoder::decode;
		}

	}

	static void classification(GraphQlTester.Response response, String type) {
		response.errors().satisfy((errors) -> {
			assertThat(errors).isNotEmpty();
			assertThat(errors.get(0).getErrorType().toString()).isEqualTo(type);
		});
	}

	String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	int status(String authorization) {
		var request = client().post()
			.uri("/graphql")
			.header("Content-Type", "application/json")
			.bodyValue("{\"query\":\"{ me { username } }\"}");
		if (authorization != null) {
			request = request.header("Authorization", authorization);
		}
		return request.exchange().returnResult(String.class).getStatus().value();
	}

	@Test
	void withoutValidCredentialsTheAnswerIs401WithNoBody() {
		assertThat(status(null)).isEqualTo(401);
		assertThat(status(basic("admin", "wrong-password"))).isEqualTo(401);
		assertThat(status("Bearer not.a.token")).isEqualTo(401);
		client().post()
			.uri("/graphql")
			.header("Content-Type", "application/json")
			.bodyValue("{\"query\":\"{ me { username } }\"}")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.isEmpty();
		assertThat(status(basic("admin", ADMIN_PASSWORD))).isEqualTo(200);
		client().get().uri("/actuator/health").exchange().expectStatus().isOk();
		client().get()
			.uri("/actuator/prometheus")
			.header("Authorization", basic("admin", ADMIN_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void tokensFromTheTokenEndpointWorkUntilTheAccountChanges() {
		account("analyst", null, null, Role.ANALYST);
		var body = client().post()
			.uri("/auth/token")
			.header("Authorization", basic("analyst", PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String token = (String) body.get("token");
		assertThat(body.get("expiresAt")).isNotNull();
		assertThat(status("Bearer " + token)).isEqualTo(200);
		admin().documentName("accounts")
			.operationName("updateAccount")
			.variable("input", Map.of("username", "analyst", "disabled", true))
			.execute()
			.path("updateAccount.disabled")
			.entity(Boolean.class)
			.isEqualTo(true);
		assertThat(status("Bearer " + token)).as("disabled takes effect at once").isEqualTo(401);
		assertThat(status(basic("analyst", PASSWORD))).isEqualTo(401);
	}

	@Test
	void fiveFailuresLockTheAccountUntilAnAdminUnlocksIt() {
		account("inspector", null, null, Role.INSPECTOR);
		for (int i = 0; i < 5; i++) {
			assertThat(status(basic("inspector", "wrong-" + i))).isEqualTo(401);
		}
		assertThat(status(basic("inspector", PASSWORD))).as("locked even with the right password").isEqualTo(401);
		admin().documentName("accounts")
			.operationName("unlockAccount")
			.variable("username", "inspector")
			.execute()
			.path("unlockAccount.locked")
			.entity(Boolean.class)
			.isEqualTo(false);
		assertThat(status(basic("inspector", PASSWORD))).isEqualTo(200);
		admin().documentName("accounts")
			.operationName("auditLogFailures")
			.execute()
			.path("auditLog.totalCount")
			.entity(Integer.class)
			.satisfies((count) -> assertThat(count).isGreaterThanOrEqualTo(6));
	}

	@Test
	void accountAdministrationIsForAdminsAndValidated() {
		World world = new World(this.fixtures);
		admin().documentName("accounts")
			.operationName("createAccount")
			.variable("input",
					Map.of("username", "county", "password", "long-enough-1", "roles", List.of("VIEWER"),
							"scopeOrganizationId", world.county2.id()))
			.execute()
			.path("createAccount.scope.code")
			.entity(String.class)
			.isEqualTo("X2");
		classification(admin().documentName("accounts")
			.operationName("createAccount")
			.variable("input", Map.of("username", "county", "password", "long-enough-1", "roles", List.of("VIEWER")))
			.execute(), "CONFLICT");
		classification(admin().documentName("accounts")
			.operationName("createAccount")
			.variable("input", Map.of("username", "short", "password", "x", "roles", List.of("VIEWER")))
			.execute(), "BAD_REQUEST");
		classification(as("county", "long-enough-1").documentName("accounts")
			.operationName("createAccount")
			.variable("input", Map.of("username", "other", "password", "long-enough-1", "roles", List.of("ADMIN")))
			.execute(), "FORBIDDEN");
		as("county", "long-enough-1").documentName("accounts")
			.operationName("changePassword")
			.variable("old", "long-enough-1")
			.variable("new", "long-enough-2")
			.execute()
			.path("changePassword")
			.entity(Boolean.class)
			.isEqualTo(true);
		assertThat(status(basic("county", "long-enough-1"))).isEqualTo(401);
		as("county", "long-enough-2").documentName("accounts")
			.operationName("me")
			.execute()
			.path("me.scope.code")
			.entity(String.class)
			.isEqualTo("X2");
		this.accounts.unlock("county");
	}

	@Test
	void externalIssuerTokensMapUsernameRolesAndScope() {
		World world = new World(this.fixtures);
		NimbusJwtEncoder encoder = NimbusJwtEncoder
			.withKeyPair((RSAPublicKey) ISSUER_KEYS.getPublic(), (RSAPrivateKey) ISSUER_KEYS.getPrivate())
			.build();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer("https://sso.example.test")
			.subject("u-1")
			.claim("preferred_username", "sso-analyst")
			.claim("roles", List.of("ANALYST"))
			.claim("oversight_org", "C2")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(600))
			.build();
		String token = encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
			.getTokenValue();
		HttpGraphQlTester sso = HttpGraphQlTester.create(client().mutate()
			.baseUrl("http://localhost:" + this.port + "/graphql")
			.defaultHeader("Authorization", "Bearer " + token)
			.build());
		sso.documentName("accounts")
			.operationName("me")
			.execute()
			.path("me.username")
			.entity(String.class)
			.isEqualTo("sso-analyst")
			.path("me.roles")
			.entityList(String.class)
			.containsExactly("ANALYST")
			.path("me.scope.code")
			.entity(String.class)
			.isEqualTo("C2");
		sso.documentName("organizations")
			.execute()
			.path("organizations.edges[*].node.code")
			.entityList(String.class)
			.containsExactly("C2", "X2");
		assertThat(world.city2.code()).isEqualTo("C2");
		String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
		assertThat(status("Bearer " + forged)).isEqualTo(401);
	}

}
