package org.oversight.core.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import org.oversight.core.cadre.Appointment;
import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.common.Actor;
import org.oversight.core.demo.DemoDataLoader;
import org.oversight.core.demo.DemoProvince;
import org.oversight.core.lookup.LookupLists;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.MongoIntegrationTest;
import org.oversight.core.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The supervisees' UPPER_PRINCIPAL edges read only the part of a principal's subtree an
 * edge can reach, and find exactly the edges of the whole subtree.
 */
@MongoIntegrationTest
class UpperPrincipalWalkIntegrationTests {

	static final LocalDate TODAY = TestDatabase.TODAY;

	@Autowired
	SupervisionGraph graph;

	@Autowired
	DemoProvince demo;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MongoTemplate mongo;

	@Test
	void theWalkFindsTheEdgesOfTheWholeSubtreesInTheDemoProvince() {
		Actor.as("demo", () -> this.demo.load(1, DemoDataLoader.SEED));
		List<String> principals = this.mongo.findDistinct(Query.query(Criteria.where("role").is(TeamRole.PRINCIPAL)),
				"cadreId", Appointment.class, String.class);

		Map<String, List<SupervisionEdge>> walked = this.graph.superviseesOf(principals, TODAY, Set.of());
		// before the children's lists are built the whole subtrees are read
		this.mongo.getCollection(LookupLists.COLLECTION).deleteOne(Filters.eq("_id", "~built:children"));
		Map<String, List<SupervisionEdge>> whole = this.graph.superviseesOf(principals, TODAY, Set.of());

		assertThat(walked.keySet()).isEqualTo(whole.keySet());
		whole.forEach((cadre, edges) -> assertThat(walked.get(cadre)).as("supervisees of %s", cadre)
			.containsExactlyInAnyOrderElementsOf(edges));
		assertThat(whole.values()
			.stream()
			.flatMap(List::stream)
			.filter((edge) -> edge.kind() == SupervisionKind.UPPER_PRINCIPAL)
			.count()).isGreaterThan(50);
	}

	@Test
	void theWalkGoesOnThroughVacantTeamsAndThePrincipalsOwnDeeperPosts() {
		Organization province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		Organization city = this.fixtures.org("C", OrgLevel.CITY, province);
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, city);
		Organization township = this.fixtures.org("T", OrgLevel.TOWNSHIP, county);
		Organization village = this.fixtures.org("V", OrgLevel.VILLAGE, township);
		Organization otherCounty = this.fixtures.org("Y", OrgLevel.COUNTY, city);
		Organization otherTownship = this.fixtures.org("U", OrgLevel.TOWNSHIP, otherCounty);
		LocalDate start = LocalDate.of(2025, 1, 1);
		Cadre pP = principal(province, "省委书记", start);
		Cadre pX = principal(county, "县委书记", start);
		this.fixtures.appoint(pX, township, TeamRole.PRINCIPAL, start);
		Cadre pV = principal(village, "村党支部书记", start);
		Cadre pY1 = principal(otherCounty, "Y县委书记", start);
		Cadre pU = principal(otherTownship, "U镇党委书记", start);

		List<SupervisionEdge> edges = this.graph.superviseesOf(List.of(pP.id()), TODAY, Set.of()).get(pP.id());

		// the city is vacant: its counties' principals answer to the province; the county
		// principal's own township post does not block its way up; another county's
		// principal blocks its township's
		assertThat(edges).extracting(SupervisionEdge::subjectId, SupervisionEdge::organizationId)
			.containsExactlyInAnyOrder(tuple(pX.id(), county.id()), tuple(pX.id(), township.id()),
					tuple(pY1.id(), otherCounty.id()));
		assertThat(edges).extracting(SupervisionEdge::subjectId).doesNotContain(pV.id(), pU.id());
	}

	private Cadre principal(Organization organization, String name, LocalDate start) {
		Cadre cadre = this.fixtures.cadre(name);
		this.fixtures.appoint(cadre, organization, TeamRole.PRINCIPAL, start);
		return cadre;
	}

}
