package org.oversight.core.lookup;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import org.oversight.core.cadre.ActivePosts;
import org.oversight.core.cadre.Appointment;
import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.CadreService;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationQueries;
import org.oversight.core.organization.OrganizationService;
import org.oversight.core.talk.TalkKind;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.MongoIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads through the lookup lists give what queries on the records give, after every kind
 * of write, with ids too many in the lists, before the lists are built and after records
 * were written around the services.
 */
@MongoIntegrationTest
class LookupListsIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 3, 1);

	@Autowired
	LookupLists lookups;

	@Autowired
	Fixtures fixtures;

	@Autowired
	OrganizationQueries organizations;

	@Autowired
	OrganizationService organizationService;

	@Autowired
	ActivePosts posts;

	@Autowired
	CadreService cadres;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	org.oversight.core.talk.TalkService talks;

	@Autowired
	org.oversight.core.talk.TalkQueries talkQueries;

	Organization province;

	Organization city1;

	Organization city2;

	List<Organization> counties;

	List<Cadre> people;

	@BeforeEach
	void tree() {
		this.province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		this.city1 = this.fixtures.org("C1", OrgLevel.CITY, this.province);
		this.city2 = this.fixtures.org("C2", OrgLevel.CITY, this.province);
		this.counties = List.of(this.fixtures.org("X2", OrgLevel.COUNTY, this.city1),
				this.fixtures.org("X1", OrgLevel.COUNTY, this.city1),
				this.fixtures.org("X3", OrgLevel.COUNTY, this.city2));
		this.people = List.of(this.fixtures.cadre("甲"), this.fixtures.cadre("乙"), this.fixtures.cadre("丙"));
		this.fixtures.appoint(this.people.get(0), this.city1, TeamRole.PRINCIPAL, LocalDate.of(2020, 1, 1),
				LocalDate.of(2025, 12, 31));
		this.fixtures.appoint(this.people.get(1), this.city1, TeamRole.PRINCIPAL, LocalDate.of(2026, 1, 1));
		this.fixtures.appoint(this.people.get(0), this.counties.get(0), TeamRole.PRINCIPAL, LocalDate.of(2026, 1, 1));
		this.fixtures.appoint(this.people.get(2), this.counties.get(0), TeamRole.DEPUTY, LocalDate.of(2024, 1, 1));
		this.fixtures.appoint(this.people.get(2), this.city2, TeamRole.DISCIPLINE_SECRETARY, LocalDate.of(2026, 4, 1));
		talk(TalkKind.APPOINTMENT, LocalDate.of(2026, 1, 5), 0, 1, this.counties.get(0));
		talk(TalkKind.SUPERVISION, LocalDate.of(2026, 2, 10), 0, 1, this.counties.get(0));
		talk(TalkKind.INTEGRITY, LocalDate.of(2026, 2, 11), 0, 1, this.counties.get(0));
		talk(TalkKind.SUPERVISION, LocalDate.of(2025, 12, 31), 2, 0, this.counties.get(0));
	}

	private void talk(TalkKind kind, LocalDate date, int subject, int conductor, Organization organization) {
		this.talks.record(new org.oversight.core.talk.TalkService.RecordTalk(kind, date, this.people.get(subject).id(),
				List.of(this.people.get(conductor).id()), organization.id(), "谈话", List.of()));
	}

	@Test
	void readsThroughTheListsEqualQueriesOfTheRecords() {
		assertThat(this.lookups.allBuilt()).isTrue();
		assertSame();
		this.organizationService.move(this.counties.get(1).id(), this.city2.id());
		this.cadres.endAppointment(this.posts.principalsIn(List.of(this.city1.id()), DAY).get(0).id(),
				LocalDate.of(2026, 2, 1));
		assertSame();
		assertThat(codes(this.organizations.childrenOf(List.of(this.city2.id())))).containsExactly("X1", "X3");
		assertThat(this.posts.principalsIn(List.of(this.city1.id()), DAY)).isEmpty();
	}

	@Test
	void anIdTooManyChangesNoAnswer() {
		// what a process dying between listing and writing leaves behind
		this.lookups.add(LookupLists.CHILDREN, this.city1.id(), this.city2.id());
		this.lookups.add(LookupLists.CHILDREN, this.city1.id(), "000000000000000000000000");
		this.lookups.add(LookupLists.CADRE_POSTS, this.people.get(1).id(), "000000000000000000000001");
		assertSame();
	}

	@Test
	void manyKeysAtOnceInsertTheNewListsAndAddToTheStoredOnes() {
		java.util.Map<String, List<String>> many = new java.util.LinkedHashMap<>();
		for (int i = 0; i < LookupLists.FEW_KEYS + 200; i++) {
			many.put("k" + i, List.of("a" + i, "b" + i));
		}
		this.lookups.add(LookupLists.SUBJECT_TALKS, "k7", "old");
		this.lookups.add(LookupLists.SUBJECT_TALKS, "k1100", "a1100");

		this.lookups.addAll(LookupLists.SUBJECT_TALKS, many);

		var lists = this.lookups.ids(LookupLists.SUBJECT_TALKS, many.keySet()).orElseThrow();
		assertThat(lists).hasSize(many.size());
		assertThat(lists.get("k7")).containsExactlyInAnyOrder("old", "a7", "b7");
		assertThat(lists.get("k1100")).containsExactlyInAnyOrder("a1100", "b1100");
		assertThat(lists.get("k1199")).containsExactly("a1199", "b1199");
		this.lookups.addAll(LookupLists.SUBJECT_TALKS, many);
		assertThat(this.lookups.ids(LookupLists.SUBJECT_TALKS, List.of("k3")).orElseThrow().get("k3"))
			.as("added again: kept once")
			.containsExactly("a3", "b3");
	}

	@Test
	void beforeTheListsAreBuiltTheRecordsAreQueried() {
		this.mongo.getCollection(LookupLists.COLLECTION).deleteMany(Filters.empty());
		assertThat(this.lookups.ids(LookupLists.CHILDREN, List.of(this.city1.id()))).isEmpty();
		assertSame();
	}

	@Test
	void aRebuildListsRecordsWrittenAroundTheServices() {
		Organization county = this.counties.get(2);
		Document raw = new Document("_id", new ObjectId("6a0000000000000000000001")).append("code", "X9")
			.append("name", "X9党委")
			.append("kind", "PARTY_COMMITTEE")
			.append("level", "COUNTY")
			.append("parentId", this.city2.id())
			.append("path", List.of(this.province.id(), this.city2.id(), "6a0000000000000000000001"));
		this.mongo.getCollection("organizations").insertOne(raw);
		assertThat(codes(this.organizations.childrenOf(List.of(this.city2.id())))).containsExactly("X3");
		this.lookups.rebuildAll();
		assertThat(codes(this.organizations.childrenOf(List.of(this.city2.id())))).containsExactly("X3", "X9");
		assertThat(county.code()).isEqualTo("X3");
		assertSame();
	}

	private void assertSame() {
		List<String> parents = List.of(this.province.id(), this.city1.id(), this.city2.id());
		List<Organization> queried = this.mongo.find(Query.query(Criteria.where("parentId").in(parents)),
				Organization.class);
		assertThat(codes(this.organizations.childrenOf(parents)))
			.containsExactlyElementsOf(queried.stream().map(Organization::code).sorted().toList());
		List<String> orgIds = List.of(this.city1.id(), this.city2.id(), this.counties.get(0).id());
		List<String> cadreIds = this.people.stream().map(Cadre::id).toList();
		for (LocalDate day : List.of(LocalDate.of(2025, 6, 1), DAY, LocalDate.of(2026, 5, 1))) {
			assertThat(ids(this.posts.inOrganizations(orgIds, day)))
				.containsExactlyInAnyOrderElementsOf(ids(queried("organizationId", orgIds, day)));
			assertThat(ids(this.posts.ofCadres(cadreIds, day)))
				.containsExactlyInAnyOrderElementsOf(ids(queried("cadreId", cadreIds, day)));
			assertThat(ids(this.posts.principalsIn(orgIds, day))).containsExactlyInAnyOrderElementsOf(
					ids(queried("organizationId", orgIds, day).stream().filter(Appointment::isPrincipal).toList()));
		}
		List<TalkKind> judged = List.of(TalkKind.SUPERVISION, TalkKind.APPOINTMENT);
		for (LocalDate[] range : List.of(new LocalDate[] { LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31) },
				new LocalDate[] { LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 5) },
				new LocalDate[] { LocalDate.of(2026, 1, 6), LocalDate.of(2026, 2, 11) })) {
			List<org.oversight.core.talk.Talk> stored = this.mongo.find(Query.query(Criteria.where("subjectId")
				.in(cadreIds)
				.and("kind")
				.in(judged)
				.and("date")
				.gte(range[0])
				.lte(range[1])), org.oversight.core.talk.Talk.class);
			assertThat(stored).isNotEmpty();
			assertThat(this.talkQueries.held(cadreIds, judged, range[0], range[1]))
				.as("talks from %s to %s", range[0], range[1])
				.containsExactlyInAnyOrderElementsOf(stored.stream()
					.map((t) -> new org.oversight.core.talk.TalkQueries.HeldTalk(t.subjectId(), t.kind(), t.date(),
							t.conductedByIds()))
					.toList());
		}
	}

	private List<Appointment> queried(String field, List<String> keys, LocalDate day) {
		return this.mongo.find(
				Query.query(new Criteria().andOperator(Criteria.where(field).in(keys), ActivePosts.heldOn(day))),
				Appointment.class);
	}

	private static List<String> ids(List<Appointment> posts) {
		return posts.stream().map(Appointment::id).sorted(Comparator.naturalOrder()).toList();
	}

	private static List<String> codes(List<Organization> organizations) {
		return organizations.stream().map(Organization::code).toList();
	}

}
