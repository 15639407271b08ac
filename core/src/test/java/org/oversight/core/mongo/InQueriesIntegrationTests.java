package org.oversight.core.mongo;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;

import org.oversight.core.organization.OrgKind;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.MongoIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lookups of many values read the same documents whichever way they go: {@code $in}
 * queries in batches, or one read of the collection matched here; lookups by id in
 * batches.
 */
@MongoIntegrationTest
class InQueriesIntegrationTests {

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Fixtures fixtures;

	@Test
	void batchesAndOneReadFindTheSameDocumentsOnceEach() {
		Organization province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		Organization city = this.fixtures.org("C", OrgLevel.CITY, province);
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, city);
		Organization other = this.fixtures.org("Q", OrgLevel.PROVINCE, null);
		List<String> wanted = List.of(city.id(), county.id(), other.id(), "000000000000000000000000");

		InQueries batches = new InQueries(this.mongo, false, 2, 2);
		InQueries oneRead = new InQueries(this.mongo, true, 2, 2);
		InQueries oneQuery = new InQueries(this.mongo, true, 10, 10);

		for (InQueries queries : List.of(batches, oneRead, oneQuery)) {
			// an array field: the county's path holds two of the values, it comes once
			assertThat(queries.find(Organization.class, null, "path", wanted, Organization::path))
				.extracting(Organization::code)
				.containsExactlyInAnyOrder("C", "X", "Q");
			assertThat(queries.find(Organization.class, Criteria.where("kind").is(OrgKind.PARTY_COMMITTEE), "parentId",
					List.of(province.id(), city.id()), Organization::parentId))
				.extracting(Organization::code)
				.containsExactlyInAnyOrder("C", "X");
			assertThat(queries.find(Organization.class, null, "parentId", List.of(), Organization::parentId)).isEmpty();
			assertThat(queries.byIds(Organization.class, wanted)).extracting(Organization::code)
				.containsExactlyInAnyOrder("C", "X", "Q");
		}
	}

}
