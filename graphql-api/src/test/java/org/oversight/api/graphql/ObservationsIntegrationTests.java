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
		assertThat(requests(this.meters)).isEqualTo(before + 1);
		assertThat(this.meters.find("graphql.datafetcher").meters()).isEmpty();
	}

	static double requests(MeterRegistry meters) {
		var timer = meters.find("graphql.request").timer();
		return (timer != null) ? timer.count() : 0;
	}

}
