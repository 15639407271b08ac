package org.oversight.api.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.oversight.api.security.AccountService;
import org.oversight.api.viewer.Role;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.TestDatabase;

/** Signs in as the accounts a test needs and talks to the running server over HTTP. */
public abstract class ApiTestSupport {

	public static final String ADMIN_PASSWORD = "admin-password";

	public static final String PASSWORD = "password-123";

	@LocalServerPort
	protected int port;

	@Autowired
	protected AccountService accounts;

	@Autowired
	protected Fixtures fixtures;

	@Autowired
	protected TestDatabase.MutableClock clock;

	@BeforeEach
	void bootstrapAdmin() {
		this.accounts.bootstrap();
	}

	protected WebTestClient client() {
		return WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	protected HttpGraphQlTester as(String username, String password) {
		String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		WebTestClient client = client().mutate()
			.baseUrl("http://localhost:" + this.port + "/graphql")
			.defaultHeader("Authorization", "Basic " + basic)
			.build();
		return HttpGraphQlTester.create(client);
	}

	protected HttpGraphQlTester admin() {
		return as("admin", ADMIN_PASSWORD);
	}

	/** Creates an account with the roles and scope, and signs in as it. */
	protected HttpGraphQlTester account(String username, String scopeOrganizationId, String cadreId, Role... roles) {
		this.accounts
			.create(new AccountService.CreateAccount(username, PASSWORD, List.of(roles), scopeOrganizationId, cadreId));
		return as(username, PASSWORD);
	}

}
