package org.oversight.api.rectification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import org.oversight.api.test.ApiIntegrationTest;
import org.oversight.api.test.ApiTestSupport;
import org.oversight.api.test.World;
import org.oversight.api.viewer.Role;
import org.oversight.core.finding.Severity;
import org.oversight.core.rectification.Rectification;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live overdue feed over WebSocket receives the tasks a sweep escalates, in scope
 * only.
 */
@ApiIntegrationTest
class OverdueSubscriptionIntegrationTests extends ApiTestSupport {

	static final String SUBSCRIPTION = "subscription { rectificationOverdue { id daysOverdue reminders { level } } }";

	WebSocketGraphQlTester socket(String username, String password) {
		String basic = "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return WebSocketGraphQlTester
			.builder(URI.create("ws://localhost:" + this.port + "/graphql"), new StandardWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("authorization", basic));
				}
			})
			.build();
	}

	@Test
	void aSweepFeedsTheSubscriptionInTheSubscribersScope() throws Exception {
		World world = new World(this.fixtures);
		Rectification inCity1 = this.fixtures.task(
				this.fixtures.finding(world.township1, null, Severity.GENERAL, LocalDate.of(2026, 1, 5)),
				world.township1, LocalDate.of(2026, 5, 1));
		Rectification inCity2 = this.fixtures.task(
				this.fixtures.finding(world.county2, null, Severity.GENERAL, LocalDate.of(2026, 1, 5)), world.county2,
				LocalDate.of(2026, 5, 1));
		account("c2viewer", world.city2.id(), null, Role.VIEWER);

		List<String> adminSaw = new CopyOnWriteArrayList<>();
		List<String> scopedSaw = new CopyOnWriteArrayList<>();
		WebSocketGraphQlTester adminSocket = socket("admin", ADMIN_PASSWORD);
		WebSocketGraphQlTester scopedSocket = socket("c2viewer", PASSWORD);
		Disposable a = adminSocket.document(SUBSCRIPTION)
			.executeSubscription()
			.toFlux("rectificationOverdue.id", String.class)
			.subscribe(adminSaw::add);
		Disposable b = scopedSocket.document(SUBSCRIPTION)
			.executeSubscription()
			.toFlux("rectificationOverdue.id", String.class)
			.subscribe(scopedSaw::add);
		Thread.sleep(500);

		admin().documentName("runOverdueSweep")
			.variable("asOf", "2026-05-02")
			.execute()
			.path("runOverdueSweep.remindersIssued")
			.entity(Integer.class)
			.isEqualTo(2);

		long until = System.currentTimeMillis() + 10_000;
		while ((adminSaw.size() < 2 || scopedSaw.isEmpty()) && System.currentTimeMillis() < until) {
			Thread.sleep(50);
		}
		a.dispose();
		b.dispose();
		adminSocket.stop().block(Duration.ofSeconds(5));
		scopedSocket.stop().block(Duration.ofSeconds(5));
		assertThat(adminSaw).containsExactlyInAnyOrder(inCity1.id(), inCity2.id());
		assertThat(scopedSaw).containsExactly(inCity2.id());
	}

	@Test
	void aConnectionWithoutValidCredentialsIsRefused() {
		WebSocketGraphQlTester socket = socket("admin", "wrong-password");
		assertThat(socket.document(SUBSCRIPTION)
			.executeSubscription()
			.toFlux("rectificationOverdue.id", String.class)
			.onErrorResume((ex) -> reactor.core.publisher.Flux.just("refused"))
			.collectList()
			.block(Duration.ofSeconds(10))).containsExactly("refused");
	}

}
