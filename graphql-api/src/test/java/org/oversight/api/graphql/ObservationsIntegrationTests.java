package org.oversight.api.graphql;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.oversight.api.test.ApiIntegrationTest;
import org.oversight.api.test.ApiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * By default each GraphQL request is observed (timed, traced) and its fields are not: a
 * dashboard query runs a few hundred data fetchers.
 */
@ApiIntegrationTest
class ObservationsIntegrationTests extends ApiTestSupport {

	@Autowired
	private MeterRegistry meters;

	@Test
	void requestsAreTimedAndTheirFieldsAreNot() {
		double before = requests(this.meters);
		admin().document("{ today organizations(first: 5) { totalCount } }").execute().path("today").hasValue();
		assertThat(requests(this.meters, before + 1)).isGreaterThanOrEqualTo(before + 1);
		assertThat(this.meters.find("graphql.request").timer()).isNotNull();
		assertThat(this.meters.find("graphql.datafetcher").meters()).isEmpty();
	}

	/** Requests timed, whatever their tags (outcome, operation). */
	static double requests(MeterRegistry meters) {
		return meters.find("graphql.request")
			.timers()
			.stream()
			.mapToLong(io.micrometer.core.instrument.Timer::count)
			.sum();
	}

	/**
	 * The requests timed, once it reaches {@code expected} or after 5 s: a request's
	 * observation stops after its response is written.
	 */
	static double requests(MeterRegistry meters, double expected) {
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
		while (requests(meters) < expected && System.nanoTime() < deadline) {
			Thread.onSpinWait();
			Thread.yield();
		}
		return requests(meters);
	}

}
