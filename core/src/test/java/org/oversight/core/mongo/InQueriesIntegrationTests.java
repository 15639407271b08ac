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

	@Test
	void conditionalUpdatesOfManyIdsChangeTheSameDocumentsEitherWayAndLeaveNoMark() {
		Organization province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		List<Organization> cities = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			cities.add(this.fixtures.org("C" + i, OrgLevel.CITY, province));
		}
		List<String> ids = new java.util.ArrayList<>(cities.stream().map(Organization::id).toList());
		ids.add("000000000000000000000000");
		int round = 0;
		for (InQueries queries : List.of(new InQueries(this.mongo, false, 2, 2),
				new InQueries(this.mongo, true, 2, 2))) {
			round++;
			String name = "改名" + round;
			// only the first three still carry the name they were created with
			this.mongo.updateMulti(
					org.springframework.data.mongodb.core.query.Query
						.query(Criteria.where("_id").in(ids.subList(3, 5))),
					new org.springframework.data.mongodb.core.query.Update().set("name", "已改"), Organization.class);
			long changed = queries.updateWhere(Organization.class, ids, Criteria.where("name").ne("已改"),
					new org.springframework.data.mongodb.core.query.Update().set("name", name));

			assertThat(changed).isEqualTo(3);
			assertThat(queries.byIds(Organization.class, ids)).extracting(Organization::name)
				.containsExactlyInAnyOrder(name, name, name, "已改", "已改");
			assertThat(this.mongo.getCollection("organizations")
				.countDocuments(new org.bson.Document(InQueries.MARK, new org.bson.Document("$exists", true))))
				.isZero();
			assertThat(this.mongo.findById(province.id(), Organization.class).name()).as("not in the list")
				.isNotEqualTo(name);
		}
	}

}
