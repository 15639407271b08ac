package org.oversight.core.cadre;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import org.oversight.core.common.DomainException;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.MongoIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MongoIntegrationTest
class AppointmentIntegrationTests {

	static final LocalDate JAN = LocalDate.of(2025, 1, 1);

	@Autowired
	CadreService service;

	@Autowired
	Appointments appointments;

	@Autowired
	Cadres cadres;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ActivePosts posts;

	@Autowired
	org.oversight.core.lookup.LookupLists lookups;

	@Autowired
	org.oversight.core.organization.OrganizationService organizations;

	@Autowired
	org.oversight.core.common.Today today;

	@Autowired
	org.oversight.core.mongo.InQueries inQueries;

	@Test
	void registeringADuplicateCodeIsAConflict() {
		this.service.register(new CadreService.RegisterCadre("G1", "王伟", 1970));
		assertThatThrownBy(() -> this.service.register(new CadreService.RegisterCadre("G1", "李娜", 1980)))
			.isInstanceOf(DomainException.Conflict.class);
		assertThatThrownBy(() -> this.service.register(new CadreService.RegisterCadre("G2", "李娜", 1800)))
			.isInstanceOfSatisfying(DomainException.Invalid.class,
					(ex) -> assertThat(ex.field()).isEqualTo("birthYear"));
		assertThatThrownBy(() -> this.service.register(new CadreService.RegisterCadre("G3", " ", 1980)))
			.isInstanceOfSatisfying(DomainException.Invalid.class, (ex) -> assertThat(ex.field()).isEqualTo("name"));
		assertThat(this.cadres.count()).isEqualTo(1);
	}

	@Test
	void secondPrincipalOverlappingIsRejected() {
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, null);
		Cadre first = this.fixtures.cadre("王伟");
		Cadre second = this.fixtures.cadre("李强");
		this.fixtures.appoint(first, county, TeamRole.PRINCIPAL, JAN, LocalDate.of(2025, 12, 31));
		assertThatThrownBy(() -> this.fixtures.appoint(second, county, TeamRole.PRINCIPAL, LocalDate.of(2025, 12, 31)))
			.isInstanceOf(DomainException.Conflict.class);
		assertThatThrownBy(
				() -> this.fixtures.appoint(second, county, TeamRole.PRINCIPAL, LocalDate.of(2024, 1, 1), JAN))
			.isInstanceOf(DomainException.Conflict.class);
		assertThat(this.appointments.count()).isEqualTo(1);
		Appointment next = this.fixtures.appoint(second, county, TeamRole.PRINCIPAL, LocalDate.of(2026, 1, 1));
		assertThat(next.start()).isEqualTo(LocalDate.of(2026, 1, 1));
		// a deputy at the same time is fine
		this.fixtures.appoint(this.fixtures.cadre("张敏"), county, TeamRole.DEPUTY, JAN);
		assertThat(this.appointments.count()).isEqualTo(3);
	}

	@Test
	void twoConcurrentPrincipalAppointmentsNeverBothSucceed() throws Exception {
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, null);
		int contenders = 6;
		List<Cadre> candidates = new ArrayList<>();
		for (int i = 0; i < contenders; i++) {
			candidates.add(this.fixtures.cadre("候选" + i));
		}
		ExecutorService pool = Executors.newFixedThreadPool(contenders);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> results = new ArrayList<>();
		for (Cadre candidate : candidates) {
			Callable<Boolean> attempt = () -> {
				start.await();
				try {
					this.fixtures.appoint(candidate, county, TeamRole.PRINCIPAL, JAN);
					return true;
				}
				catch (DomainException.Conflict ex) {
					return false;
				}
			};
			results.add(pool.submit(attempt));
		}
		start.countDown();
		int succeeded = 0;
		for (Future<Boolean> result : results) {
			succeeded += result.get() ? 1 : 0;
		}
		pool.shutdown();
		assertThat(succeeded).isEqualTo(1);
		assertThat(this.appointments.findByOrganizationId(county.id())).hasSize(1);
	}

	@Test
	void aRetryAfterACrashBetweenSeatAndAppointmentCompletesTheSameAppointment() {
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, null);
		Cadre cadre = this.fixtures.cadre("王伟");
		Appointment first = this.fixtures.appoint(cadre, county, TeamRole.PRINCIPAL, JAN);
		// simulate the crash: the seat holds the term but the appointment was never
		// stored
		this.appointments.deleteById(first.id());

		Appointment retried = this.fixtures.appoint(cadre, county, TeamRole.PRINCIPAL, JAN);

		assertThat(retried.id()).isEqualTo(first.id());
		assertThat(this.appointments.findByOrganizationId(county.id())).hasSize(1);
	}

	@Test
	void theSameAppointmentAgainCompletesWhatACrashLeftUndone() {
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, null);
		Cadre cadre = this.fixtures.cadre("王伟");
		Appointment first = this.fixtures.appoint(cadre, county, TeamRole.DEPUTY, JAN);
		// the crash: the appointment was stored, the cadre's scope not widened
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(cadre.id())),
				new Update().set("orgScope", java.util.List.of()), Cadre.class);

		Appointment again = this.fixtures.appoint(cadre, county, TeamRole.DEPUTY, JAN);

		assertThat(again.id()).isEqualTo(first.id());
		assertThat(this.appointments.findByOrganizationId(county.id())).hasSize(1);
		assertThat(this.cadres.findById(cadre.id()).orElseThrow().orgScope()).contains(county.id());
	}

	@Test
	void aStaleClaimLeftByACrashDoesNotBlockAnotherCadreForever() {
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, null);
		Appointment lost = this.fixtures.appoint(this.fixtures.cadre("王伟"), county, TeamRole.PRINCIPAL, JAN);
		this.appointments.deleteById(lost.id());
		Cadre other = this.fixtures.cadre("李强");
		assertThatThrownBy(() -> this.fixtures.appoint(other, county, TeamRole.PRINCIPAL, JAN))
			.isInstanceOf(DomainException.Conflict.class);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(county.id())),
				new Update().set("terms.0.claimedAt", java.time.Instant.parse("2020-01-01T00:00:00Z")),
				"principal_seats");
		assertThat(this.fixtures.appoint(other, county, TeamRole.PRINCIPAL, JAN).cadreId()).isEqualTo(other.id());
	}

	@Test
	void endingAnAppointmentFreesThePrincipalPostAfterThatDay() {
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, null);
		Appointment first = this.fixtures.appoint(this.fixtures.cadre("王伟"), county, TeamRole.PRINCIPAL, JAN);
		Cadre next = this.fixtures.cadre("李强");
		assertThatThrownBy(() -> this.fixtures.appoint(next, county, TeamRole.PRINCIPAL, LocalDate.of(2025, 7, 1)))
			.isInstanceOf(DomainException.Conflict.class);
		this.service.endAppointment(first.id(), LocalDate.of(2025, 6, 30));
		assertThatThrownBy(() -> this.fixtures.appoint(next, county, TeamRole.PRINCIPAL, LocalDate.of(2025, 6, 30)))
			.isInstanceOf(DomainException.Conflict.class);
		assertThat(this.fixtures.appoint(next, county, TeamRole.PRINCIPAL, LocalDate.of(2025, 7, 1)).start())
			.isEqualTo(LocalDate.of(2025, 7, 1));
		assertThat(this.service.getAppointment("id", first.id()).end()).isEqualTo(LocalDate.of(2025, 6, 30));
	}

	@Test
	void theSeatCoversItsAppointmentAsTheEndMovesEitherWay() {
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, null);
		Appointment post = this.fixtures.appoint(this.fixtures.cadre("王伟"), county, TeamRole.PRINCIPAL, JAN);
		LocalDate june = LocalDate.of(2025, 6, 30);
		LocalDate august = LocalDate.of(2025, 8, 31);
		this.service.endAppointment(post.id(), august);
		assertThat(seatEnd(county)).isEqualTo(august);
		this.service.endAppointment(post.id(), june);
		assertThat(seatEnd(county)).isEqualTo(june);
		assertThat(this.posts.principalsIn(List.of(county.id()), june)).extracting(Appointment::id)
			.containsExactly(post.id());
		assertThat(this.posts.principalsIn(List.of(county.id()), june.plusDays(1))).isEmpty();
		this.service.endAppointment(post.id(), august);
		assertThat(seatEnd(county)).isEqualTo(august);
		assertThat(this.posts.principalsIn(List.of(county.id()), august, new org.oversight.core.common.Memo()))
			.extracting(Appointment::id)
			.containsExactly(post.id());
	}

	@Test
	void aCrashBetweenTheTwoWritesOfAnEndLeavesTheSeatWiderNeverNarrower() {
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, null);
		Appointment post = this.fixtures.appoint(this.fixtures.cadre("王伟"), county, TeamRole.PRINCIPAL, JAN);
		LocalDate june = LocalDate.of(2025, 6, 30);
		MongoTemplate crashing = org.mockito.Mockito.spy(this.mongo);
		org.mockito.Mockito.doThrow(new org.springframework.dao.DataAccessResourceFailureException("crash"))
			.when(crashing)
			.updateFirst(org.mockito.ArgumentMatchers.any(Query.class),
					org.mockito.ArgumentMatchers
						.any(org.springframework.data.mongodb.core.query.UpdateDefinition.class),
					org.mockito.ArgumentMatchers.eq(PrincipalSeat.class));
		CadreService crashingService = new CadreService(this.lookups, this.cadres, this.appointments,
				this.organizations, crashing, this.today, this.inQueries);

		// an earlier end: the appointment is written, the seat is not
		assertThatThrownBy(() -> crashingService.endAppointment(post.id(), june))
			.isInstanceOf(org.springframework.dao.DataAccessResourceFailureException.class);
		assertThat(this.service.getAppointment("id", post.id()).end()).isEqualTo(june);
		assertThat(seatEnd(county)).isNull();
		// the same command again completes it
		this.service.endAppointment(post.id(), june);
		assertThat(seatEnd(county)).isEqualTo(june);

		// a later end: the seat is written first, so nothing is written
		assertThatThrownBy(() -> crashingService.endAppointment(post.id(), june.plusDays(30)))
			.isInstanceOf(org.springframework.dao.DataAccessResourceFailureException.class);
		assertThat(this.service.getAppointment("id", post.id()).end()).isEqualTo(june);
		assertThat(seatEnd(county)).isEqualTo(june);
	}

	@Test
	void aLaterEndTheSeatRefusesChangesNothing() {
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, null);
		LocalDate june = LocalDate.of(2025, 6, 30);
		Appointment first = this.fixtures.appoint(this.fixtures.cadre("王伟"), county, TeamRole.PRINCIPAL, JAN, june);
		this.fixtures.appoint(this.fixtures.cadre("李强"), county, TeamRole.PRINCIPAL, june.plusDays(1));
		assertThatThrownBy(() -> this.service.endAppointment(first.id(), june.plusDays(30)))
			.isInstanceOf(DomainException.Conflict.class);
		assertThat(this.service.getAppointment("id", first.id()).end()).isEqualTo(june);
		assertThat(seatEnd(county)).isEqualTo(june);
	}

	@Test
	void anEarlierEndCutShortAfterTheAppointmentLeavesTheSeatWideUntilAClaimNarrowsIt() {
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, null);
		Appointment first = this.fixtures.appoint(this.fixtures.cadre("王伟"), county, TeamRole.PRINCIPAL, JAN);
		LocalDate june = LocalDate.of(2025, 6, 30);
		// the crash: the appointment ended, its seat term still open
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(first.id())), new Update().set("end", june),
				Appointment.class);
		assertThat(seatEnd(county)).isNull();
		// readers go by the appointment
		assertThat(this.posts.principalsIn(List.of(county.id()), june.plusDays(1))).isEmpty();
		assertThat(this.posts.principalsOverlapping(List.of(county.id()), june.plusDays(1), june.plusDays(60)))
			.isEmpty();
		// a claim after that day is not refused: it narrows the term
		Appointment next = this.fixtures.appoint(this.fixtures.cadre("李强"), county, TeamRole.PRINCIPAL,
				june.plusDays(1));
		assertThat(seatEnd(county)).isEqualTo(june);
		assertThat(this.posts.principalsIn(List.of(county.id()), june.plusDays(1))).extracting(Appointment::id)
			.containsExactly(next.id());
		// a claim overlapping the appointment itself still is
		assertThatThrownBy(
				() -> this.fixtures.appoint(this.fixtures.cadre("张敏"), county, TeamRole.PRINCIPAL, june.minusDays(5)))
			.isInstanceOf(DomainException.Conflict.class);
	}

	@Test
	void appointingManyNarrowsASeatLeftWide() {
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, null);
		Appointment first = this.fixtures.appoint(this.fixtures.cadre("王伟"), county, TeamRole.PRINCIPAL, JAN);
		LocalDate june = LocalDate.of(2025, 6, 30);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(first.id())), new Update().set("end", june),
				Appointment.class);
		Cadre next = this.fixtures.cadre("李强");
		List<CadreService.Appointed> done = this.service.appointAll(List
			.of(new CadreService.Appoint(next.id(), county.id(), TeamRole.PRINCIPAL, "书记", june.plusDays(1), null)));
		assertThat(done.get(0).refused()).isNull();
		assertThat(seatEnd(county)).isEqualTo(june);
	}

	@Test
	void theSeatsTermsPickWhichAppointmentsAreRead() {
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, null);
		Appointment post = this.fixtures.appoint(this.fixtures.cadre("王伟"), county, TeamRole.PRINCIPAL, JAN);
		LocalDate june = LocalDate.of(2025, 6, 30);
		assertThat(this.posts.principalsIn(List.of(county.id()), june.plusDays(1))).hasSize(1);
		// a term ending before its appointment, which the services never leave: only
		// the terms held on the day are read
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(county.id())),
				new Update().set("terms.0.end", june), "principal_seats");
		assertThat(this.posts.principalsIn(List.of(county.id()), june.plusDays(1))).isEmpty();
		assertThat(this.posts.principalsIn(List.of(county.id()), june)).extracting(Appointment::id)
			.containsExactly(post.id());
	}

	private LocalDate seatEnd(Organization organization) {
		// the first term: the first principal's
		return this.mongo.findById(organization.id(), PrincipalSeat.class).terms.get(0).end();
	}

	@Test
	void invalidAppointmentsNameTheFieldAndStoreNothing() {
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, null);
		Cadre cadre = this.fixtures.cadre("王伟");
		assertThatThrownBy(() -> this.service
			.appoint(new CadreService.Appoint(cadre.id(), county.id(), TeamRole.DEPUTY, "副县长", JAN, JAN.minusDays(1))))
			.isInstanceOfSatisfying(DomainException.Invalid.class, (ex) -> assertThat(ex.field()).isEqualTo("end"));
		assertThatThrownBy(() -> this.service
			.appoint(new CadreService.Appoint(cadre.id(), county.id(), TeamRole.DEPUTY, "", JAN, null)))
			.isInstanceOfSatisfying(DomainException.Invalid.class, (ex) -> assertThat(ex.field()).isEqualTo("title"));
		assertThatThrownBy(() -> this.service
			.appoint(new CadreService.Appoint("nope", county.id(), TeamRole.DEPUTY, "副县长", JAN, null)))
			.isInstanceOfSatisfying(DomainException.NotFound.class,
					(ex) -> assertThat(ex.field()).isEqualTo("cadreId"));
		assertThatThrownBy(() -> this.service.appoint(
				new CadreService.Appoint(cadre.id(), "aaaaaaaaaaaaaaaaaaaaaaaa", TeamRole.DEPUTY, "副县长", JAN, null)))
			.isInstanceOfSatisfying(DomainException.NotFound.class,
					(ex) -> assertThat(ex.field()).isEqualTo("organizationId"));
		assertThatThrownBy(() -> this.service
			.endAppointment(this.fixtures.appoint(cadre, county, TeamRole.DEPUTY, JAN).id(), JAN.minusDays(1)))
			.isInstanceOf(DomainException.Invalid.class);
		assertThat(this.appointments.count()).isEqualTo(1);
		assertThat(this.service.appointmentsOf(cadre.id(), true).get(0).end()).isNull();
	}

	@Test
	void aCadreHoldsOnePostPerOrganizationAtATime() {
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, null);
		Cadre cadre = this.fixtures.cadre("王伟");
		this.fixtures.appoint(cadre, county, TeamRole.DEPUTY, JAN);
		assertThatThrownBy(() -> this.fixtures.appoint(cadre, county, TeamRole.MEMBER, JAN.plusDays(10)))
			.isInstanceOf(DomainException.Conflict.class);
	}

	@Test
	void placementIsTheDeepestPrincipalPostThenTheDeepestPost() {
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, null);
		Organization township = this.fixtures.org("T", OrgLevel.TOWNSHIP, county);
		Organization village = this.fixtures.org("V", OrgLevel.VILLAGE, township);
		Cadre cadre = this.fixtures.cadre("王伟");
		Appointment countyDeputy = this.fixtures.appoint(cadre, county, TeamRole.DEPUTY, JAN);
		Appointment townshipPrincipal = this.fixtures.appoint(cadre, township, TeamRole.PRINCIPAL, JAN);
		Appointment villageMember = this.fixtures.appoint(cadre, village, TeamRole.MEMBER, JAN);
		assertThat(ActivePosts.placement(List.of(countyDeputy, townshipPrincipal, villageMember)))
			.contains(townshipPrincipal);
		assertThat(ActivePosts.placement(List.of(countyDeputy, villageMember))).contains(villageMember);
	}

	// appointAll: the same rules in batches (bulk imports)

	private static CadreService.Appoint command(Cadre cadre, Organization organization, TeamRole role, LocalDate start,
			LocalDate end) {
		return new CadreService.Appoint(cadre.id(), organization.id(), role, role.label(), start, end);
	}

	@Test
	void appointingManyAtOnceChecksEachCommandAsAppointDoesInOrder() {
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, null);
		Organization township = this.fixtures.org("T", OrgLevel.TOWNSHIP, county);
		Cadre first = this.fixtures.cadre("王伟");
		Cadre second = this.fixtures.cadre("李强");
		Cadre deputy = this.fixtures.cadre("张敏");
		Cadre stored = this.fixtures.cadre("刘洋");
		this.fixtures.appoint(stored, township, TeamRole.PRINCIPAL, JAN);

		List<CadreService.Appointed> results = this.service
			.appointAll(List.of(command(first, county, TeamRole.PRINCIPAL, JAN, LocalDate.of(2025, 12, 31)),
					command(second, county, TeamRole.PRINCIPAL, LocalDate.of(2025, 6, 1), null),
					command(second, county, TeamRole.PRINCIPAL, LocalDate.of(2026, 1, 1), null),
					command(deputy, county, TeamRole.DEPUTY, JAN, null),
					command(deputy, county, TeamRole.MEMBER, LocalDate.of(2025, 3, 1), null),
					command(deputy, township, TeamRole.PRINCIPAL, LocalDate.of(2025, 3, 1), null),
					new CadreService.Appoint(first.id(), township.id(), TeamRole.MEMBER, " ", JAN, null),
					new CadreService.Appoint("aaaaaaaaaaaaaaaaaaaaaaaa", county.id(), TeamRole.MEMBER, "委员", JAN, null),
					command(first, township, TeamRole.MEMBER, JAN, JAN.minusDays(1))));

		assertThat(results).extracting(CadreService.Appointed::refused)
			.extracting((ex) -> (ex != null) ? ex.getClass().getSimpleName() : "stored")
			.containsExactly("stored", "Conflict", "stored", "stored", "Conflict", "Conflict", "Invalid", "NotFound",
					"Invalid");
		assertThat(this.appointments.findByOrganizationId(county.id()))
			.extracting(Appointment::cadreId, Appointment::role, Appointment::start)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(first.id(), TeamRole.PRINCIPAL, JAN),
					org.assertj.core.groups.Tuple.tuple(second.id(), TeamRole.PRINCIPAL, LocalDate.of(2026, 1, 1)),
					org.assertj.core.groups.Tuple.tuple(deputy.id(), TeamRole.DEPUTY, JAN));
		assertThat(results.get(0).appointment().id())
			.isEqualTo(this.appointments.findByCadreId(first.id()).get(0).id());
		assertThat(this.cadres.findById(second.id()).orElseThrow().orgScope()).containsExactly(county.id());
		assertThat(this.cadres.findById(deputy.id()).orElseThrow().orgScope()).containsExactly(county.id());
		// the seat holds both terms: appoint refuses what overlaps them
		assertThatThrownBy(() -> this.fixtures.appoint(deputy, county, TeamRole.PRINCIPAL, LocalDate.of(2027, 1, 1)))
			.isInstanceOf(DomainException.Conflict.class);
		assertThat(this.appointments.count()).isEqualTo(4);
	}

	@Test
	void appointingManyCompletesWhatACrashLeftAndRetriesAreStoredOnce() {
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, null);
		Cadre principal = this.fixtures.cadre("王伟");
		Cadre member = this.fixtures.cadre("李强");
		Appointment claimed = this.fixtures.appoint(principal, county, TeamRole.PRINCIPAL, JAN);
		// the crash: the seat holds the term but the appointment was never stored
		this.appointments.deleteById(claimed.id());
		Appointment done = this.fixtures.appoint(member, county, TeamRole.MEMBER, JAN);

		List<CadreService.Appointed> results = this.service
			.appointAll(List.of(command(principal, county, TeamRole.PRINCIPAL, JAN, null),
					command(member, county, TeamRole.MEMBER, JAN, null)));

		assertThat(results).extracting(CadreService.Appointed::refused).containsOnlyNulls();
		assertThat(results.get(0).appointment().id()).isEqualTo(claimed.id());
		assertThat(results.get(1).appointment().id()).isEqualTo(done.id());
		assertThat(this.appointments.findByOrganizationId(county.id())).hasSize(2);
		assertThat(this.service.appointAll(List.of(command(principal, county, TeamRole.PRINCIPAL, JAN, null))))
			.extracting((a) -> a.appointment().id())
			.containsExactly(claimed.id());
		assertThat(this.appointments.count()).isEqualTo(2);
	}

	@Test
	void concurrentBatchesNeverSeatTwoPrincipalsAtOnce() throws Exception {
		Organization fresh = this.fixtures.org("X", OrgLevel.COUNTY, null);
		Organization seated = this.fixtures.org("Y", OrgLevel.COUNTY, null);
		this.fixtures.appoint(this.fixtures.cadre("前任"), seated, TeamRole.PRINCIPAL, LocalDate.of(2020, 1, 1),
				LocalDate.of(2024, 12, 31));
		int contenders = 4;
		List<Cadre> candidates = new ArrayList<>();
		for (int i = 0; i < contenders; i++) {
			candidates.add(this.fixtures.cadre("候选" + i));
		}
		ExecutorService pool = Executors.newFixedThreadPool(contenders);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<List<CadreService.Appointed>>> results = new ArrayList<>();
		for (Cadre candidate : candidates) {
			results.add(pool.submit(() -> {
				start.await();
				return this.service.appointAll(List.of(command(candidate, fresh, TeamRole.PRINCIPAL, JAN, null),
						command(candidate, seated, TeamRole.PRINCIPAL, JAN, null)));
			}));
		}
		start.countDown();
		int[] seatedIn = new int[2];
		for (Future<List<CadreService.Appointed>> result : results) {
			List<CadreService.Appointed> appointed = result.get();
			for (int i = 0; i < 2; i++) {
				if (appointed.get(i).refused() == null) {
					seatedIn[i]++;
				}
				else {
					assertThat(appointed.get(i).refused()).isInstanceOf(DomainException.Conflict.class);
				}
			}
		}
		pool.shutdown();
		assertThat(seatedIn).containsExactly(1, 1);
		assertThat(this.appointments.findByOrganizationId(fresh.id())).hasSize(1);
		assertThat(this.appointments.findByOrganizationId(seated.id())).hasSize(2);
	}

}
