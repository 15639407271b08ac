package org.oversight.scheduler.obligation;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import org.oversight.core.cadre.Appointment;
import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.CadreService;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.common.OrgPathCollection;
import org.oversight.core.common.Page;
import org.oversight.core.common.PageRequest;
import org.oversight.core.common.Scope;
import org.oversight.core.job.JobRun;
import org.oversight.core.job.JobState;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationService;
import org.oversight.core.talk.Talk;
import org.oversight.core.talk.TalkKind;
import org.oversight.core.talk.TalkService;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.MongoIntegrationTest;
import org.oversight.core.test.TestDatabase;
import org.oversight.scheduler.JobFires;
import org.oversight.scheduler.runtime.JobNames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talk obligations opened by the daily check and closed as their talks are recorded:
 * through the TalkRecorded event in this process, and by the daily check for talks
 * recorded elsewhere.
 */
@MongoIntegrationTest
class TalkObligationsIntegrationTests {

	static final LocalDate TODAY = TestDatabase.TODAY;

	@Autowired
	TalkObligations obligations;

	@Autowired
	Obligations queries;

	@Autowired
	TalkService talks;

	@Autowired
	CadreService cadres;

	@Autowired
	OrganizationService organizations;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TestDatabase.MutableClock clock;

	@Autowired
	ApplicationContext context;

	Organization province;

	Organization city;

	Organization countyX;

	Organization countyY;

	Cadre provincePrincipal;

	Cadre cityPrincipal;

	Cadre newPrincipal;

	Cadre deputy;

	Cadre countyPrincipal;

	Cadre member;

	Appointment newPrincipalPost;

	/**
	 * Province > city > counties X and Y. X has a principal appointed on 1 June (no
	 * appointment talk yet) and a deputy; Y's principal last had a supervision talk on 1
	 * May 2025, and Y's member never had a heart-to-heart talk.
	 */
	@BeforeEach
	void tree() {
		this.province = this.fixtures.org("P", OrgLevel.PROVINCE, null);
		this.city = this.fixtures.org("C", OrgLevel.CITY, this.province);
		this.countyX = this.fixtures.org("X", OrgLevel.COUNTY, this.city);
		this.countyY = this.fixtures.org("Y", OrgLevel.COUNTY, this.city);
		this.provincePrincipal = this.fixtures.cadre("省委书记");
		this.cityPrincipal = this.fixtures.cadre("市委书记");
		this.newPrincipal = this.fixtures.cadre("X县委书记");
		this.deputy = this.fixtures.cadre("X县长");
		this.countyPrincipal = this.fixtures.cadre("Y县委书记");
		this.member = this.fixtures.cadre("Y常委");
		LocalDate longAgo = LocalDate.of(2020, 1, 1);
		this.fixtures.appoint(this.provincePrincipal, this.province, TeamRole.PRINCIPAL, longAgo);
		this.fixtures.appoint(this.cityPrincipal, this.city, TeamRole.PRINCIPAL, longAgo);
		this.newPrincipalPost = this.fixtures.appoint(this.newPrincipal, this.countyX, TeamRole.PRINCIPAL,
				LocalDate.of(2026, 6, 1));
		this.fixtures.appoint(this.deputy, this.countyX, TeamRole.DEPUTY, LocalDate.of(2024, 1, 1));
		this.fixtures.appoint(this.countyPrincipal, this.countyY, TeamRole.PRINCIPAL, LocalDate.of(2024, 1, 1));
		this.fixtures.appoint(this.member, this.countyY, TeamRole.MEMBER, LocalDate.of(2024, 1, 1));
		talk(TalkKind.SUPERVISION, LocalDate.of(2026, 3, 1), this.cityPrincipal, this.provincePrincipal, this.province);
		talk(TalkKind.SUPERVISION, LocalDate.of(2025, 5, 1), this.countyPrincipal, this.cityPrincipal, this.city);
	}

	@Test
	void theDailyCheckOpensWhatIsOwedOnceWithItsOwnerAndDueDate() {
		TalkObligations.Result first = this.obligations.check(TODAY);
		assertThat(first.opened()).isEqualTo(3);
		assertThat(first.open()).isEqualTo(3);

		assertThat(all())
			.extracting(Obligation::kind, Obligation::ownerCadreId, Obligation::subjectCadreId, Obligation::dueOn,
					Obligation::organizationId)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple(TalkKind.APPOINTMENT, this.cityPrincipal.id(),
							this.newPrincipal.id(), LocalDate.of(2026, 7, 1), this.countyX.id()),
					org.assertj.core.groups.Tuple.tuple(TalkKind.SUPERVISION, this.cityPrincipal.id(),
							this.countyPrincipal.id(), LocalDate.of(2026, 5, 1), this.countyY.id()),
					org.assertj.core.groups.Tuple.tuple(TalkKind.HEART_TO_HEART, this.countyPrincipal.id(),
							this.member.id(), LocalDate.of(2025, 1, 1), this.countyY.id()));
		Obligation appointment = only(TalkKind.APPOINTMENT);
		assertThat(appointment.id()).isEqualTo(
				Obligation.key(this.cityPrincipal.id(), this.newPrincipal.id(), TalkKind.APPOINTMENT, "2026-06-01"));
		assertThat(appointment.status()).isEqualTo(ObligationStatus.OPEN);
		assertThat(appointment.openedOn()).isEqualTo(TODAY);
		assertThat(appointment.orgPath()).containsExactly(this.province.id(), this.city.id(), this.countyX.id());

		TalkObligations.Result again = this.obligations.check(TODAY);
		assertThat(again.opened()).isZero();
		assertThat(again.open()).isEqualTo(3);
		assertThat(all()).hasSize(3);
	}

	@Test
	void anAppointmentTalkByAnyAncestorPrincipalClosesItAsItIsRecorded() {
		this.obligations.check(TODAY);
		Talk held = talk(TalkKind.APPOINTMENT, LocalDate.of(2026, 6, 10), this.newPrincipal, this.provincePrincipal,
				this.countyX);

		Obligation appointment = only(TalkKind.APPOINTMENT);
		assertThat(appointment.status()).isEqualTo(ObligationStatus.FULFILLED);
		assertThat(appointment.fulfilledByTalkId()).isEqualTo(held.id());
		assertThat(appointment.fulfilledOn()).isEqualTo(LocalDate.of(2026, 6, 10));
		assertThat(this.obligations.check(TODAY).opened()).as("not owed again").isZero();
	}

	@Test
	void aTalkNotByAnAncestorPrincipalClosesNothing() {
		this.obligations.check(TODAY);
		talk(TalkKind.SUPERVISION, TODAY, this.countyPrincipal, this.newPrincipal, this.countyY);
		talk(TalkKind.APPOINTMENT, TODAY, this.newPrincipal, this.deputy, this.countyX);
		talk(TalkKind.HEART_TO_HEART, TODAY, this.member, this.cityPrincipal, this.countyY);
		assertThat(all()).allMatch(Obligation::isOpen);

		talk(TalkKind.SUPERVISION, TODAY, this.countyPrincipal, this.cityPrincipal, this.city);
		talk(TalkKind.HEART_TO_HEART, TODAY, this.member, this.countyPrincipal, this.countyY);
		assertThat(only(TalkKind.SUPERVISION).status()).isEqualTo(ObligationStatus.FULFILLED);
		assertThat(only(TalkKind.HEART_TO_HEART).status()).isEqualTo(ObligationStatus.FULFILLED);
		assertThat(only(TalkKind.APPOINTMENT).status()).isEqualTo(ObligationStatus.OPEN);
	}

	@Test
	void talksRecordedTogetherCloseEachObligationByItsEarliestFulfillingTalk() {
		this.obligations.check(TODAY);
		LocalDate june8 = LocalDate.of(2026, 6, 8);
		LocalDate june12 = LocalDate.of(2026, 6, 12);
		List<TalkService.Recorded> recorded = this.talks.recordAll(List.of(
				command(TalkKind.APPOINTMENT, june12, this.newPrincipal, this.cityPrincipal, this.countyX),
				command(TalkKind.APPOINTMENT, june8, this.newPrincipal, this.provincePrincipal, this.countyX),
				command(TalkKind.APPOINTMENT, LocalDate.of(2026, 6, 5), this.newPrincipal, this.deputy, this.countyX),
				command(TalkKind.SUPERVISION, june8, this.countyPrincipal, this.newPrincipal, this.countyY),
				command(TalkKind.HEART_TO_HEART, june12, this.member, this.countyPrincipal, this.countyY),
				command(TalkKind.HEART_TO_HEART, TODAY.plusDays(1), this.member, this.countyPrincipal, this.countyY)));

		assertThat(recorded).extracting((r) -> r.refused() == null)
			.containsExactly(true, true, true, true, true, false);
		Obligation appointment = only(TalkKind.APPOINTMENT);
		assertThat(appointment.status()).isEqualTo(ObligationStatus.FULFILLED);
		assertThat(appointment.fulfilledByTalkId()).as("the earliest by an ancestor principal, not the deputy's")
			.isEqualTo(recorded.get(1).talk().id());
		assertThat(appointment.fulfilledOn()).isEqualTo(june8);
		assertThat(only(TalkKind.SUPERVISION).status()).as("not by an ancestor principal")
			.isEqualTo(ObligationStatus.OPEN);
		Obligation heartToHeart = only(TalkKind.HEART_TO_HEART);
		assertThat(heartToHeart.status()).isEqualTo(ObligationStatus.FULFILLED);
		assertThat(heartToHeart.fulfilledByTalkId()).isEqualTo(recorded.get(4).talk().id());
	}

	private static TalkService.RecordTalk command(TalkKind kind, LocalDate date, Cadre subject, Cadre by,
			Organization organization) {
		return new TalkService.RecordTalk(kind, date, subject.id(), List.of(by.id()), organization.id(), null, null);
	}

	@Test
	void theDailyCheckClosesWhatATalkRecordedElsewhereFulfilled() {
		this.obligations.check(TODAY);
		String talkId = talkRecordedByAnotherProcess(TalkKind.HEART_TO_HEART, LocalDate.of(2026, 6, 12), this.member,
				this.countyPrincipal, this.countyY);
		assertThat(only(TalkKind.HEART_TO_HEART).status()).as("no event in this process")
			.isEqualTo(ObligationStatus.OPEN);

		TalkObligations.Result result = this.obligations.check(TODAY);
		assertThat(result.fulfilled()).isEqualTo(1);
		Obligation closed = only(TalkKind.HEART_TO_HEART);
		assertThat(closed.status()).isEqualTo(ObligationStatus.FULFILLED);
		assertThat(closed.fulfilledByTalkId()).isEqualTo(talkId);
		assertThat(closed.fulfilledOn()).isEqualTo(LocalDate.of(2026, 6, 12));
	}

	@Test
	void thePeriodicObligationOfTheNextCycleOpensALeadTimeBeforeItIsDue() {
		this.obligations.check(TODAY);
		talk(TalkKind.SUPERVISION, TODAY, this.countyPrincipal, this.cityPrincipal, this.city);

		this.clock.setDate(LocalDate.of(2027, 5, 15));
		this.obligations.check(LocalDate.of(2027, 5, 15));
		assertThat(all())
			.filteredOn((o) -> o.kind() == TalkKind.SUPERVISION && o.subjectCadreId().equals(this.countyPrincipal.id())
					&& o.isOpen())
			.isEmpty();

		this.clock.setDate(LocalDate.of(2027, 5, 16));
		this.obligations.check(LocalDate.of(2027, 5, 16));
		assertThat(all())
			.filteredOn((o) -> o.kind() == TalkKind.SUPERVISION && o.subjectCadreId().equals(this.countyPrincipal.id())
					&& o.isOpen())
			.singleElement()
			.satisfies((next) -> {
				assertThat(next.dueOn()).isEqualTo(LocalDate.of(2027, 6, 15));
				assertThat(next.period()).isEqualTo("2027-06-15");
				assertThat(next.countsFrom()).isEqualTo(TODAY.plusDays(1));
			});
	}

	@Test
	void anObligationNoLongerOwedIsWithdrawnEvenOnTheDayItWasOpened() {
		this.obligations.check(TODAY);
		this.cadres.endAppointment(this.newPrincipalPost.id(), TODAY.minusDays(1));

		TalkObligations.Result result = this.obligations.check(TODAY);
		assertThat(result.withdrawn()).isEqualTo(1);
		Obligation withdrawn = only(TalkKind.APPOINTMENT);
		assertThat(withdrawn.status()).isEqualTo(ObligationStatus.WITHDRAWN);
		assertThat(withdrawn.withdrawnOn()).isEqualTo(TODAY);
	}

	@Test
	void anotherUpperPrincipalOwesItWhenTheNearestLeaves() {
		Organization town = this.fixtures.org("XT", OrgLevel.TOWNSHIP, this.countyX);
		Cadre townPrincipal = this.fixtures.cadre("镇党委书记");
		this.fixtures.appoint(townPrincipal, town, TeamRole.PRINCIPAL, LocalDate.of(2026, 6, 5));
		this.obligations.check(TODAY);
		assertThat(all()).filteredOn((o) -> o.subjectCadreId().equals(townPrincipal.id()))
			.singleElement()
			.satisfies((o) -> assertThat(o.ownerCadreId()).isEqualTo(this.newPrincipal.id()));

		this.cadres.endAppointment(this.newPrincipalPost.id(), TODAY.minusDays(1));
		this.obligations.check(TODAY);
		assertThat(all()).filteredOn((o) -> o.subjectCadreId().equals(townPrincipal.id()))
			.extracting(Obligation::ownerCadreId, Obligation::status)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple(this.newPrincipal.id(), ObligationStatus.WITHDRAWN),
					org.assertj.core.groups.Tuple.tuple(this.cityPrincipal.id(), ObligationStatus.OPEN));
	}

	@Test
	void theDailyJobRecordsItsRunAndRunsEachFireOnce() {
		JobFires.fire(this.context, TalkObligationsJob.class, JobFires.at(TODAY));
		JobFires.fire(this.context, TalkObligationsJob.class, JobFires.at(TODAY));
		List<JobRun> runs = this.mongo.find(Query.query(Criteria.where("job").is(JobNames.TALK_OBLIGATIONS)),
				JobRun.class);
		assertThat(runs).singleElement().satisfies((run) -> {
			assertThat(run.state()).isEqualTo(JobState.SUCCEEDED);
			assertThat(run.counts()).containsEntry("opened", 3).containsEntry("open", 3);
			assertThat(run.message()).startsWith("opened 3");
		});
		assertThat(all()).hasSize(3);
	}

	@Test
	void obligationsAreListedInScopeByDueDateWithFiltersAndCounts() {
		this.obligations.check(TODAY);
		Page<Obligation> page = this.queries.page(Scope.everything(), ObligationFilter.none(),
				PageRequest.firstPage(2));
		assertThat(page.items()).extracting(Obligation::kind)
			.containsExactly(TalkKind.HEART_TO_HEART, TalkKind.SUPERVISION);
		assertThat(page.hasNextPage()).isTrue();
		Page<Obligation> next = this.queries.page(Scope.everything(), ObligationFilter.none(),
				PageRequest.of(2, page.endCursor()));
		assertThat(next.items()).extracting(Obligation::kind).containsExactly(TalkKind.APPOINTMENT);
		assertThat(next.hasNextPage()).isFalse();

		assertThat(this.queries.count(Scope.within(this.countyY.id()), ObligationFilter.none())).isEqualTo(2);
		assertThat(this.queries.count(Scope.within(this.countyX.id()), ObligationFilter.none())).isEqualTo(1);
		assertThat(this.queries.count(new Scope(null, this.member.id()), ObligationFilter.none()))
			.as("the recused cadre does not see obligations about them")
			.isEqualTo(2);
		assertThat(this.queries.count(Scope.everything(),
				new ObligationFilter(null, ObligationStatus.OPEN, null, null, null, TODAY)))
			.as("overdue")
			.isEqualTo(2);
		assertThat(this.queries.count(Scope.everything(),
				new ObligationFilter(null, null, null, this.cityPrincipal.id(), null, null)))
			.isEqualTo(2);
		assertThat(this.queries.count(Scope.everything(),
				new ObligationFilter(this.countyY.id(), null, TalkKind.HEART_TO_HEART, null, this.member.id(), null)))
			.isEqualTo(1);
		assertThat(this.queries.count(Scope.everything(), ObligationFilter.status(ObligationStatus.FULFILLED)))
			.isZero();
		Obligation any = page.items().get(0);
		assertThat(this.queries.get(Scope.everything(), any.id())).contains(any);
		assertThat(this.queries.get(Scope.within(this.countyX.id()), any.id())).isEmpty();
	}

	@Test
	void movingAnOrganizationRewritesTheOrgPathOfItsObligations() {
		assertThat(this.context.getBeansOfType(OrgPathCollection.class).values())
			.contains(new OrgPathCollection("obligations"));
		this.obligations.check(TODAY);
		this.organizations.move(this.countyY.id(), this.province.id());
		assertThat(only(TalkKind.HEART_TO_HEART).orgPath()).containsExactly(this.province.id(), this.countyY.id());
		assertThat(this.queries.count(Scope.within(this.city.id()), ObligationFilter.none())).isEqualTo(1);
	}

	private Talk talk(TalkKind kind, LocalDate date, Cadre subject, Cadre by, Organization organization) {
		return this.talks.record(new TalkService.RecordTalk(kind, date, subject.id(), List.of(by.id()),
				organization.id(), null, List.of()));
	}

	private String talkRecordedByAnotherProcess(TalkKind kind, LocalDate date, Cadre subject, Cadre by,
			Organization organization) {
		ObjectId id = new ObjectId();
		this.mongo.getCollection("talks")
			.insertOne(new Document("_id", id).append("kind", kind.name())
				.append("date", Date.from(date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))
				.append("subjectId", subject.id())
				.append("conductedByIds", List.of(by.id()))
				.append("organizationId", organization.id())
				.append("orgPath", organization.path()));
		return id.toHexString();
	}

	private List<Obligation> all() {
		return this.mongo.findAll(Obligation.class);
	}

	private Obligation only(TalkKind kind) {
		return this.mongo.findOne(Query.query(Criteria.where("kind").is(kind)), Obligation.class);
	}

}
