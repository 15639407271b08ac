package org.oversight.core.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.bson.types.ObjectId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import org.oversight.core.cadre.ActivePosts;
import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.Stamp;
import org.oversight.core.common.Today;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.Severity;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.Organizations;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.MongoIntegrationTest;
import org.oversight.core.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MongoIntegrationTest
class OverdueSweepIntegrationTests {

	static final LocalDate DEADLINE = LocalDate.of(2026, 3, 31);

	@Autowired
	OverdueSweep sweep;

	@Autowired
	RectificationService service;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TestDatabase.MutableClock clock;

	@Autowired
	Organizations organizations;

	@Autowired
	ActivePosts posts;

	@Autowired
	EscalationPolicy policy;

	@Autowired
	Today today;

	Organization city;

	Organization county;

	Organization township;

	Rectification task;

	@BeforeEach
	void overdueTask() {
		this.city = this.fixtures.org("C", OrgLevel.CITY, null);
		this.county = this.fixtures.org("X", OrgLevel.COUNTY, this.city);
		this.township = this.fixtures.org("T", OrgLevel.TOWNSHIP, this.county);
		Cadre cityPrincipal = this.fixtures.cadre("市委书记");
		this.fixtures.appoint(cityPrincipal, this.city, TeamRole.PRINCIPAL, LocalDate.of(2020, 1, 1));
		Finding finding = this.fixtures.finding(this.township, null, Severity.GENERAL, LocalDate.of(2026, 1, 5));
		this.task = this.fixtures.task(finding, this.township, DEADLINE);
	}

	@Test
	void eachStepIsIssuedOnItsDayAndNeverTwice() {
		assertThat(this.sweep.sweep(DEADLINE, null).remindersIssued()).isZero();

		OverdueSweep.Result day1 = this.sweep.sweep(DEADLINE.plusDays(1), null);
		assertThat(day1.overdue()).isEqualTo(1);
		assertThat(day1.remindersIssued()).isEqualTo(1);
		assertThat(day1.escalations()).isZero();
		assertThat(this.sweep.sweep(DEADLINE.plusDays(1), null).remindersIssued()).as("same day again").isZero();
		assertThat(this.sweep.sweep(DEADLINE.plusDays(14), null).escalations()).isZero();

		OverdueSweep.Result day15 = this.sweep.sweep(DEADLINE.plusDays(15), null);
		assertThat(day15.escalations()).isEqualTo(1);
		assertThat(day15.remindersIssued()).isZero();
		OverdueSweep.Result day30 = this.sweep.sweep(DEADLINE.plusDays(30), null);
		assertThat(day30.summonses()).isEqualTo(1);
		assertThat(this.sweep.sweep(DEADLINE.plusDays(60), null).summonses()).isZero();

		Rectification after = this.service.get("id", this.task.id());
		assertThat(after.reminders()).extracting(Rectification.Reminder::level, Rectification.Reminder::issuedOn)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(ReminderLevel.REMINDER_LETTER, DEADLINE.plusDays(1)),
					org.assertj.core.groups.Tuple.tuple(ReminderLevel.ESCALATION, DEADLINE.plusDays(15)),
					org.assertj.core.groups.Tuple.tuple(ReminderLevel.SUMMONS, DEADLINE.plusDays(30)));
		assertThat(after.version()).as("reminders do not touch the version").isEqualTo(1);
		assertThat(this.mongo.getCollection("rectification_steps").countDocuments()).isEqualTo(3);
	}

	@Test
	void aLateFirstRunIssuesEveryDueStepInOrder() {
		OverdueSweep.Result result = this.sweep.sweep(DEADLINE.plusDays(40), null);
		assertThat(result.remindersIssued()).isEqualTo(1);
		assertThat(result.escalations()).isEqualTo(1);
		assertThat(result.summonses()).isEqualTo(1);
		assertThat(this.service.get("id", this.task.id()).reminders()).extracting(Rectification.Reminder::level)
			.containsExactly(ReminderLevel.REMINDER_LETTER, ReminderLevel.ESCALATION, ReminderLevel.SUMMONS);
	}

	@Test
	void lettersGoToTheResponsibleOrganizationAndEscalationToTheNearestAncestorWithAPrincipal() {
		this.sweep.sweep(DEADLINE.plusDays(30), null);
		Rectification after = this.service.get("id", this.task.id());
		assertThat(after.reminder(ReminderLevel.REMINDER_LETTER).orElseThrow().issuedToId())
			.isEqualTo(this.township.id());
		assertThat(after.reminder(ReminderLevel.ESCALATION).orElseThrow().issuedToId())
			.as("the county has no principal, the city has")
			.isEqualTo(this.city.id());
		assertThat(after.reminder(ReminderLevel.SUMMONS).orElseThrow().issuedToId()).isEqualTo(this.township.id());
	}

	@Test
	void aScopedSweepEscalatesAboveItsScopeAndInsideIt() {
		Cadre townshipPrincipal = this.fixtures.cadre("乡党委书记");
		Organization village = this.fixtures.org("V", OrgLevel.VILLAGE, this.township);
		this.fixtures.appoint(townshipPrincipal, this.township, TeamRole.PRINCIPAL, LocalDate.of(2020, 1, 1));
		Rectification below = this.fixtures
			.task(this.fixtures.finding(village, null, Severity.GENERAL, LocalDate.of(2026, 1, 5)), village, DEADLINE);
		OverdueSweep.Result result = this.sweep.sweep(DEADLINE.plusDays(15), this.county.id());
		assertThat(result.escalations()).isEqualTo(2);
		assertThat(this.service.get("id", this.task.id()).reminder(ReminderLevel.ESCALATION).orElseThrow().issuedToId())
			.as("above the county swept: the city")
			.isEqualTo(this.city.id());
		assertThat(this.service.get("id", below.id()).reminder(ReminderLevel.ESCALATION).orElseThrow().issuedToId())
			.as("inside it: the township")
			.isEqualTo(this.township.id());
	}

	@Test
	void escalationGoesToTheParentWhenNoAncestorHasAPrincipal() {
		Organization other = this.fixtures.org("Y", OrgLevel.COUNTY, null);
		Organization below = this.fixtures.org("Y1", OrgLevel.TOWNSHIP, other);
		Rectification lonely = this.fixtures
			.task(this.fixtures.finding(below, null, Severity.GENERAL, LocalDate.of(2026, 1, 5)), below, DEADLINE);
		this.sweep.sweep(DEADLINE.plusDays(15), null);
		assertThat(this.service.get("id", lonely.id()).reminder(ReminderLevel.ESCALATION).orElseThrow().issuedToId())
			.isEqualTo(other.id());
		Rectification top = this.fixtures
			.task(this.fixtures.finding(other, null, Severity.GENERAL, LocalDate.of(2026, 1, 5)), other, DEADLINE);
		this.sweep.sweep(DEADLINE.plusDays(16), null);
		assertThat(this.service.get("id", top.id()).reminder(ReminderLevel.ESCALATION).orElseThrow().issuedToId())
			.isEqualTo(other.id());
	}

	@Test
	void submittedAndVerifiedTasksAreNotOverdueAndScopeLimitsTheSweep() {
		Rectification t = this.service.reportProgress(this.task.id(), "开始", 1);
		this.service.submit(t.id(), "报告", LocalDate.of(2026, 3, 1), t.version());
		OverdueSweep.Result result = this.sweep.sweep(DEADLINE.plusDays(20), null);
		assertThat(result.examined()).isEqualTo(1);
		assertThat(result.overdue()).isZero();
		Rectification other = this.fixtures.task(
				this.fixtures.finding(this.city, null, Severity.GENERAL, LocalDate.of(2026, 1, 5)), this.city,
				DEADLINE);
		OverdueSweep.Result scoped = this.sweep.sweep(DEADLINE.plusDays(20), this.county.id());
		assertThat(scoped.examined()).isEqualTo(1);
		assertThat(scoped.overdue()).isZero();
		assertThat(this.service.get("id", other.id()).reminders()).isEmpty();
	}

	@Test
	void aSweepCannotRunAsOfTheFuture() {
		assertThatThrownBy(() -> this.sweep.sweep(TestDatabase.TODAY.plusDays(1), null))
			.isInstanceOfSatisfying(DomainException.Invalid.class, (ex) -> assertThat(ex.field()).isEqualTo("asOf"));
	}

	@Test
	void aRunCutOffBetweenItsWritesIsCompletedWithoutDuplicates() {
		this.sweep.sweep(DEADLINE.plusDays(1), null);
		// the event of the escalation was stored, then the process died before the task
		// got it
		this.mongo.upsert(Query.query(Criteria.where("_id").is(this.task.id() + ":ESCALATION")),
				new Update().setOnInsert("taskId", this.task.id()).setOnInsert("level", ReminderLevel.ESCALATION),
				StepIssued.class);
		OverdueSweep.Result next = this.sweep.sweep(DEADLINE.plusDays(15), null);
		assertThat(next.escalations()).isEqualTo(1);
		assertThat(this.service.get("id", this.task.id()).reminders()).hasSize(2);
		assertThat(this.mongo.getCollection("rectification_steps").countDocuments()).isEqualTo(2);
	}

	@Test
	void anExtendedDeadlineIsJudgedAsItNowStands() {
		this.sweep.sweep(DEADLINE.plusDays(5), null);
		this.service.extendDeadline(this.task.id(), DEADLINE.plusDays(60), "延期", 1);
		OverdueSweep.Result result = this.sweep.sweep(DEADLINE.plusDays(30), null);
		assertThat(result.overdue()).isZero();
		assertThat(this.service.get("id", this.task.id()).reminders()).as("steps already issued stay").hasSize(1);
	}

	@Test
	void twoSweepsRacingOnTheSameTasksIssueEachStepOnce() throws Exception {
		List<Rectification> tasks = new ArrayList<>(overdueTasks(30, DEADLINE));
		tasks.add(this.task);
		// both sweeps have read every task without reminders before either writes
		CyclicBarrier bothRead = new CyclicBarrier(2);
		MongoTemplate racing = new InterceptedTemplate(this.mongo, (type) -> {
			if (type == StepIssued.class) {
				await(bothRead);
			}
		});
		List<Object> published = new CopyOnWriteArrayList<>();
		ExecutorService threads = Executors.newFixedThreadPool(2);
		OverdueSweep.Result a;
		OverdueSweep.Result b;
		try {
			// on different days: what either adds to a task must come from the stored
			// event
			Future<OverdueSweep.Result> first = threads
				.submit(() -> sweep(racing, published).sweep(DEADLINE.plusDays(40), null));
			Future<OverdueSweep.Result> second = threads
				.submit(() -> sweep(racing, published).sweep(DEADLINE.plusDays(41), null));
			a = first.get(60, TimeUnit.SECONDS);
			b = second.get(60, TimeUnit.SECONDS);
		}
		finally {
			threads.shutdownNow();
		}

		int steps = 3 * tasks.size();
		assertThat(this.mongo.count(new Query(), StepIssued.class)).isEqualTo(steps);
		assertThat(a.remindersIssued() + b.remindersIssued()).isEqualTo(tasks.size());
		assertThat(a.escalations() + b.escalations()).isEqualTo(tasks.size());
		assertThat(a.summonses() + b.summonses()).isEqualTo(tasks.size());
		assertThat(published).hasSize(steps)
			.extracting((e) -> ((OverdueSweep.StepIssuedLocally) e).taskId() + ":"
					+ ((OverdueSweep.StepIssuedLocally) e).level())
			.doesNotHaveDuplicates();
		for (Rectification task : tasks) {
			Rectification after = this.service.get("id", task.id());
			assertThat(after.reminders()).extracting(Rectification.Reminder::level)
				.containsExactly(ReminderLevel.REMINDER_LETTER, ReminderLevel.ESCALATION, ReminderLevel.SUMMONS);
			assertThat(after.history()).filteredOn((e) -> e.kind() == RectificationEventKind.REMINDER).hasSize(3);
			for (Rectification.Reminder reminder : after.reminders()) {
				StepIssued event = this.mongo.findById(StepIssued.key(task.id(), reminder.level()), StepIssued.class);
				assertThat(reminder.issuedOn()).isEqualTo(event.issuedOn());
				assertThat(reminder.issuedToId()).isEqualTo(event.issuedToId());
			}
		}
	}

	@Test
	void aSweepKilledAfterStoringItsEventsIsCompletedByTheNextWithoutDuplicates() {
		MongoTemplate dying = new InterceptedTemplate(this.mongo, (type) -> {
			if (type == Rectification.class) {
				throw new IllegalStateException("process killed before the reminders");
			}
		});
		List<Object> published = new CopyOnWriteArrayList<>();
		assertThatThrownBy(() -> sweep(dying, published).sweep(DEADLINE.plusDays(15), null))
			.hasMessageContaining("process killed");
		assertThat(this.mongo.count(new Query(), StepIssued.class)).isEqualTo(2);
		assertThat(this.service.get("id", this.task.id()).reminders()).isEmpty();
		assertThat(published).isEmpty();

		// the next run, after the restart
		this.clock.setDate(TestDatabase.TODAY.plusDays(1));
		OverdueSweep.Result next = sweep(this.mongo, published).sweep(DEADLINE.plusDays(16), null);
		assertThat(next.remindersIssued()).isEqualTo(1);
		assertThat(next.escalations()).isEqualTo(1);
		Rectification after = this.service.get("id", this.task.id());
		assertThat(after.reminders())
			.extracting(Rectification.Reminder::level, Rectification.Reminder::issuedOn,
					Rectification.Reminder::issuedToId)
			.as("as the killed run stored them")
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(ReminderLevel.REMINDER_LETTER, DEADLINE.plusDays(15),
							this.township.id()),
					org.assertj.core.groups.Tuple.tuple(ReminderLevel.ESCALATION, DEADLINE.plusDays(15),
							this.city.id()));
		assertThat(after.history()).filteredOn((e) -> e.kind() == RectificationEventKind.REMINDER)
			.extracting(Rectification.Event::on)
			.containsExactly(DEADLINE.plusDays(15), DEADLINE.plusDays(15));
		assertThat(this.mongo.count(new Query(), StepIssued.class)).isEqualTo(2);
		assertThat(published).as("no event stored by the completing run").isEmpty();

		OverdueSweep.Result again = sweep(this.mongo, published).sweep(DEADLINE.plusDays(16), null);
		assertThat(again.remindersIssued() + again.escalations() + again.summonses()).isZero();
		assertThat(this.service.get("id", this.task.id()).reminders()).hasSize(2);
	}

	@Test
	void theResultCountsEveryStepOfEveryBlockAndTheSequencesFollowEachOther() {
		LocalDate day = TestDatabase.TODAY;
		overdueTasks(100, day.minusDays(5));
		overdueTasks(100, day.minusDays(20));
		overdueTasks(100, day.minusDays(40));
		overdueTasks(7, day);
		List<Object> published = new CopyOnWriteArrayList<>();

		OverdueSweep.Result result = sweep(this.mongo, published).sweep(day, null);
		// the fixture's task is overdue since DEADLINE: every step
		assertThat(result).isEqualTo(new OverdueSweep.Result(day, 308, 301, 301, 201, 101));
		int steps = 301 + 201 + 101;
		assertThat(steps).as("more than one block").isGreaterThan(OverdueSweep.STEPS);
		List<StepIssued> events = this.mongo.findAll(StepIssued.class);
		assertThat(events).hasSize(steps);
		assertThat(events.stream().map(StepIssued::sequence).sorted().toList())
			.isEqualTo(java.util.stream.LongStream.rangeClosed(1, steps).boxed().toList());
		assertThat(published).hasSize(steps);
		assertThat(this.mongo.findAll(Rectification.class).stream().mapToInt((t) -> t.reminders().size()).sum())
			.isEqualTo(steps);

		assertThat(sweep(this.mongo, published).sweep(day, null))
			.isEqualTo(new OverdueSweep.Result(day, 308, 301, 0, 0, 0));
		assertThat(published).hasSize(steps);
	}

	private OverdueSweep sweep(MongoTemplate template, List<Object> published) {
		return new OverdueSweep(template, this.organizations, this.posts, this.policy, this.today, published::add);
	}

	/** Tasks of the township stored as they are assigned, without a finding. */
	private List<Rectification> overdueTasks(int count, LocalDate deadline) {
		List<Rectification> tasks = new ArrayList<>();
		Instant now = this.today.now();
		for (int i = 0; i < count; i++) {
			tasks.add(Rectification.assign(new ObjectId().toHexString(), new ObjectId().toHexString(), null, false,
					this.township.id(), this.township.path(), null, RectificationMode.DEADLINE, "整改措施", deadline,
					LocalDate.of(2026, 1, 5), "test", Stamp.created(now, "test")));
		}
		return List.copyOf(this.mongo.insertAll(tasks));
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("the other sweep did not get there", ex);
		}
	}

	/** The same database, with a hook before each bulk write. */
	static class InterceptedTemplate extends MongoTemplate {

		private final Consumer<Class<?>> beforeBulk;

		InterceptedTemplate(MongoTemplate template, Consumer<Class<?>> beforeBulk) {
			super(template.getMongoDatabaseFactory(), template.getConverter());
			this.beforeBulk = beforeBulk;
		}

		@Override
		public BulkOperations bulkOps(BulkOperations.BulkMode mode, Class<?> entityType, String collectionName) {
			this.beforeBulk.accept(entityType);
			return super.bulkOps(mode, entityType, collectionName);
		}

	}

}
