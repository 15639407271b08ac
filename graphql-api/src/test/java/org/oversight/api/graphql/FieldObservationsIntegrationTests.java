package org.oversight.api.graphql;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import org.oversight.api.test.ApiIntegrationTest;
import org.oversight.api.test.ApiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code oversight.graphql.field-observations} each data fetcher is timed too. */
@ApiIntegrationTest
@TestPropertySource(properties = "oversight.graphql.field-observations=true")
class FieldObservationsIntegrationTests extends ApiTestSupport {

	@Autowired
	private MeterRegistry meters;

	@Test
	void eachFieldIsTimed() {
		double before = ObservationsIntegrationTests.requests(this.meters);
		admin().document("{ today organizations(first: 5) { totalCount } }").execute().path("today").hasValue();
		assertThat(ObservationsIntegrationTests.requests(this.meters, before + 1)).isGreaterThanOrEqualTo(before + 1);
		assertThat(this.meters.find("graphql.datafetcher").tag("graphql.field.name", "today").timer()).isNotNull()
			.satisfies((timer) -> assertThat(timer.count()).isEqualTo(1));
	}

}
