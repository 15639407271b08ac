package org.oversight.core.coverage;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.CadreService;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.common.Memo;
import org.oversight.core.mongo.WriteEpochs;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.supervision.SupervisionGraph;
import org.oversight.core.talk.TalkKind;
import org.oversight.core.talk.TalkService;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.MongoIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage, blind spots and the parts of a cadre's supervision are kept between requests,
 * and every write they depend on, through a service or around it, is seen by the next
 * request.
 */
@MongoIntegrationTest
class KeptResultsIntegrationTests {

	static final LocalDate BEFORE = LocalDate.of(2024, 1, 1);

	@Autowired
	Fixtures fixtures;

	@Autowired
	TalkService talks;

	@Autowired
	CadreService cadres;

	@Autowired
	CoverageService coverage;

	@Autowired
	SupervisionGraph graph;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	WriteEpochs epochs;

	Organization city;

	Organization county;

	Cadre secretary;

	Cadre countySecretary;

	@BeforeEach
	void cityWithACounty() {
		Organization province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		this.city = this.fixtures.org("P-C1", OrgLevel.CITY, province);
		this.county = this.fixtures.org("P-C1-K1", OrgLevel.COUNTY, this.city);
		this.fixtures.appoint(this.fixtures.cadre("省委书记"), province, TeamRole.PRINCIPAL, BEFORE);
		this.secretary = this.fixtures.cadre("市委书记");
		this.fixtures.appoint(this.secretary, this.city, TeamRole.PRINCIPAL, BEFORE);
		this.countySecretary = this.fixtures.cadre("县委书记");
		this.fixtures.appoint(this.countySecretary, this.county, TeamRole.PRINCIPAL, BEFORE);
		this.epochs.flush();
	}

	@Test
	void keptUntilATalkIsRecordedOrAnAppointmentChanges() {
		Coverage first = this.coverage.coverage(this.city, 2025);
		assertThat(this.coverage.coverage(this.city, 2025)).isSameAs(first);
		assertThat(first.withSupervisionTalk()).isZero();

		this.talks.record(new TalkService.RecordTalk(TalkKind.SUPERVISION, LocalDate.of(2025, 5, 1),
				this.countySecretary.id(), List.of(this.secretary.id()), this.city.id(), "谈话", List.of()));
		// once the write's epoch is published for the other processes (which changes the
		// stamp once more), the result is kept again
		this.epochs.flush();
		Coverage afterTalk = this.coverage.coverage(this.city, 2025);
		assertThat(afterTalk.withSupervisionTalk()).isEqualTo(1);
		assertThat(this.coverage.coverage(this.city, 2025)).isSameAs(afterTalk);

		// a new principal of a new township below the county
		Organization township = this.fixtures.org("P-C1-K1-T1", OrgLevel.TOWNSHIP, this.county);
		Coverage afterOrganization = this.coverage.coverage(this.city, 2025);
		assertThat(afterOrganization.vacancies()).extracting(Organization::code).containsExactly("P-C1-K1-T1");
		this.fixtures.appoint(this.fixtures.cadre("镇党委书记"), township, TeamRole.PRINCIPAL, LocalDate.of(2025, 2, 1));
		Coverage afterAppointment = this.coverage.coverage(this.city, 2025);
		assertThat(afterAppointment.vacancies()).isEmpty();
		assertThat(afterAppointment.principalCount()).isEqualTo(afterTalk.principalCount() + 1);
		assertThat(afterAppointment.newPrincipals()).isEqualTo(1);
	}

	/** A write around the services (an import, a repair by hand) is seen all the same. */
	@Test
	void aWriteAroundTheServicesIsSeen() {
		this.talks.record(new TalkService.RecordTalk(TalkKind.SUPERVISION, LocalDate.of(2025, 5, 1),
				this.countySecretary.id(), List.of(this.secretary.id()), this.city.id(), "谈话", List.of()));
		assertThat(this.coverage.coverage(this.city, 2025).withSupervisionTalk()).isEqualTo(1);
		this.mongo.updateMulti(Query.query(Criteria.where("subjectId").is(this.countySecretary.id())),
				Update.update("date", LocalDate.of(2023, 5, 1)), "talks");
		assertThat(this.coverage.coverage(this.city, 2025).withSupervisionTalk()).isZero();
	}

	/** The id of the cadre's one appointment. */
	private String postOf(Cadre cadre) {
		return this.mongo
			.findOne(Query.query(Criteria.where("cadreId").is(cadre.id())), org.bson.Document.class, "appointments")
			.get("_id")
			.toString();
	}

	@Test
	void blindSpotsAreKeptUntilAPrincipalLeaves() {
		LocalDate day = LocalDate.of(2026, 6, 1);
		SupervisionGraph.BlindSpots first = this.graph.blindSpots(this.city, day, new Memo());
		assertThat(this.graph.blindSpots(this.city, day, new Memo())).isSameAs(first);
		assertThat(first.vacancies()).isEmpty();
		this.cadres.endAppointment(postOf(this.countySecretary), LocalDate.of(2026, 3, 1));
		assertThat(this.graph.blindSpots(this.city, day, new Memo()).vacancies()).extracting(Organization::code)
			.containsExactly("P-C1-K1");
	}

	@Test
	void aCadresSupervisionIsKeptUntilAnAppointmentChanges() {
		LocalDate day = LocalDate.of(2026, 6, 1);
		List<String> subject = List.of(this.countySecretary.id());
		var supervisors = this.graph.supervisorsOf(subject, day, null, new Memo()).get(this.countySecretary.id());
		var chain = this.graph.chains(subject, day, new Memo()).get(this.countySecretary.id());
		assertThat(this.graph.supervisorsOf(subject, day, null, new Memo()).get(this.countySecretary.id()))
			.isSameAs(supervisors);
		assertThat(this.graph.chains(subject, day, new Memo()).get(this.countySecretary.id())).isSameAs(chain);
		assertThat(supervisors).extracting(org.oversight.core.supervision.SupervisionEdge::supervisorId)
			.containsExactly(this.secretary.id());
		assertThat(chain).first().isEqualTo(this.secretary.id());

		this.cadres.endAppointment(postOf(this.secretary), LocalDate.of(2026, 3, 1));
		// the province's principal is the nearest above now
		var after = this.graph.supervisorsOf(subject, day, null, new Memo()).get(this.countySecretary.id());
		assertThat(after).extracting(org.oversight.core.supervision.SupervisionEdge::supervisorId)
			.doesNotContain(this.secretary.id())
			.hasSize(1);
		assertThat(this.graph.chains(subject, day, new Memo()).get(this.countySecretary.id())).first()
			.isEqualTo(after.get(0).supervisorId());
		// another day is another result
		assertThat(this.graph.supervisorsOf(subject, LocalDate.of(2026, 1, 1), null, new Memo())
			.get(this.countySecretary.id())).extracting(org.oversight.core.supervision.SupervisionEdge::supervisorId)
			.containsExactly(this.secretary.id());
	}

	/**
	 * Talks recorded by two writers while two readers ask for the coverage over and over:
	 * once the writers are done, the answer counts every talk, whatever the readers kept
	 * meanwhile.
	 */
	@Test
	void readersRacingWritersKeepNothingStale() throws Exception {
		List<Cadre> principals = new java.util.ArrayList<>(List.of(this.countySecretary));
		for (int i = 2; i <= 12; i++) {
			Organization county = this.fixtures.org("P-C1-K" + i, OrgLevel.COUNTY, this.city);
			Cadre principal = this.fixtures.cadre("县委书记" + i);
			this.fixtures.appoint(principal, county, TeamRole.PRINCIPAL, BEFORE);
			principals.add(principal);
		}
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		var writing = new java.util.concurrent.atomic.AtomicInteger(2);
		try {
			List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
			for (int w = 0; w < 2; w++) {
				int writer = w;
				work.add(pool.submit(() -> {
					try {
						for (int i = writer; i < principals.size(); i += 2) {
							this.talks.record(new TalkService.RecordTalk(TalkKind.SUPERVISION, LocalDate.of(2025, 5, 1),
									principals.get(i).id(), List.of(this.secretary.id()), this.city.id(), "谈话",
									List.of()));
						}
					}
					finally {
						writing.decrementAndGet();
					}
				}));
			}
			for (int r = 0; r < 2; r++) {
				work.add(pool.submit(() -> {
					while (writing.get() > 0) {
						this.coverage.coverage(this.city, 2025);
					}
				}));
			}
			for (var future : work) {
				future.get(60, java.util.concurrent.TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		Coverage answer = this.coverage.coverage(this.city, 2025);
		assertThat(answer.withSupervisionTalk()).isEqualTo(principals.size());
		this.epochs.flush();
		assertThat(this.coverage.coverage(this.city, 2025).withSupervisionTalk()).isEqualTo(principals.size());
	}

}
