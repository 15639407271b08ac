package org.oversight.scheduler.sweep;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import org.oversight.core.cadre.TeamRole;
import org.oversight.core.common.DomainException;
import org.oversight.core.finding.Severity;
import org.oversight.core.job.JobRun;
import org.oversight.core.job.JobState;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.rectification.Rectification;
import org.oversight.core.rectification.RectificationService;
import org.oversight.core.rectification.ReminderLevel;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.MongoIntegrationTest;
import org.oversight.core.test.TestDatabase;
import org.oversight.scheduler.JobFires;
import org.oversight.scheduler.SchedulerJobs;
import org.oversight.scheduler.runtime.JobNames;
import org.oversight.scheduler.runtime.RecordedRuns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The overdue sweep through its Quartz job, with the clock moved from day to day: each
 * escalation step on its day, never twice, each fire one recorded run.
 */
@MongoIntegrationTest
class OverdueSweepJobIntegrationTests {

	static final LocalDate DEADLINE = TestDatabase.TODAY;

	@Autowired
	ApplicationContext context;

	@Autowired
	Fixtures fixtures;

	@Autowired
	RectificationService rectifications;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TestDatabase.MutableClock clock;

	@Autowired
	SchedulerJobs jobs;

	Organization city;

	Organization township;

	Rectification task;

	@BeforeEach
	void overdueTask() {
		this.city = this.fixtures.org("C", OrgLevel.CITY, null);
		Organization county = this.fixtures.org("X", OrgLevel.COUNTY, this.city);
		this.township = this.fixtures.org("T", OrgLevel.TOWNSHIP, county);
		this.fixtures.appoint(this.fixtures.cadre("市委书记"), this.city, TeamRole.PRINCIPAL, LocalDate.of(2020, 1, 1));
		this.task = this.fixtures.task(
				this.fixtures.finding(this.township, null, Severity.GENERAL, LocalDate.of(2026, 5, 1)), this.township,
				DEADLINE);
	}

	@Test
	void eachEscalationStepIsIssuedOnItsDayAndNeverTwice() {
		fireOn(DEADLINE);
		assertThat(reminders()).isEmpty();

		fireOn(DEADLINE.plusDays(1));
		assertThat(reminders()).extracting(Rectification.Reminder::level)
			.containsExactly(ReminderLevel.REMINDER_LETTER);
		fireOn(DEADLINE.plusDays(2));
		fireOn(DEADLINE.plusDays(14));
		assertThat(reminders()).as("no escalation before day 15").hasSize(1);

		fireOn(DEADLINE.plusDays(15));
		fireOn(DEADLINE.plusDays(29));
		fireOn(DEADLINE.plusDays(30));
		fireOn(DEADLINE.plusDays(31));
		fireOn(DEADLINE.plusDays(60));

		assertThat(reminders()).extracting(Rectification.Reminder::level, Rectification.Reminder::issuedOn)
			.containsExactly(Tuple.tuple(ReminderLevel.REMINDER_LETTER, DEADLINE.plusDays(1)),
					Tuple.tuple(ReminderLevel.ESCALATION, DEADLINE.plusDays(15)),
					Tuple.tuple(ReminderLevel.SUMMONS, DEADLINE.plusDays(30)));
		assertThat(reminders().get(1).issuedToId()).as("escalated to the nearest ancestor with a principal")
			.isEqualTo(this.city.id());
		assertThat(this.mongo.getCollection("rectification_steps").countDocuments()).isEqualTo(3);

		List<JobRun> runs = sweepRuns();
		assertThat(runs).hasSize(9).allMatch((run) -> run.state() == JobState.SUCCEEDED);
		assertThat(runs)
			.extracting((run) -> run.counts().get("remindersIssued"), (run) -> run.counts().get("escalations"),
					(run) -> run.counts().get("summonses"))
			.containsExactly(Tuple.tuple(0, 0, 0), Tuple.tuple(1, 0, 0), Tuple.tuple(0, 0, 0), Tuple.tuple(0, 0, 0),
					Tuple.tuple(0, 1, 0), Tuple.tuple(0, 0, 0), Tuple.tuple(0, 0, 1), Tuple.tuple(0, 0, 0),
					Tuple.tuple(0, 0, 0));
	}

	@Test
	void aFireAlreadyRunByAnotherProcessRunsNothingAgain() {
		this.clock.setDate(DEADLINE.plusDays(1));
		Instant fire = JobFires.at(DEADLINE.plusDays(1));
		JobFires.fire(this.context, OverdueSweepJob.class, fire);
		JobFires.fire(this.context, OverdueSweepJob.class, fire);
		JobFires.fire(this.context, OverdueSweepJob.class, fire);

		assertThat(sweepRuns()).singleElement().satisfies((run) -> {
			assertThat(run.fireKey()).isEqualTo(RecordedRuns.fireKey(JobNames.OVERDUE_SWEEP, fire));
			assertThat(run.startedBy()).isEqualTo("system");
			assertThat(run.message()).startsWith("examined 1, overdue 1, issued 1");
		});
		assertThat(reminders()).hasSize(1);
	}

	@Test
	void aFireAfterDaysOfDowntimeIssuesEveryDueStepOnceInOrder() {
		fireOn(DEADLINE.plusDays(40));
		fireOn(DEADLINE.plusDays(41));
		assertThat(reminders()).extracting(Rectification.Reminder::level, Rectification.Reminder::issuedOn)
			.containsExactly(Tuple.tuple(ReminderLevel.REMINDER_LETTER, DEADLINE.plusDays(40)),
					Tuple.tuple(ReminderLevel.ESCALATION, DEADLINE.plusDays(40)),
					Tuple.tuple(ReminderLevel.SUMMONS, DEADLINE.plusDays(40)));
	}

	@Test
	void aSweepAskedForIsRecordedAndScoped() {
		this.clock.setDate(DEADLINE.plusDays(20));
		var result = this.jobs.runOverdueSweep(null, this.township.id());
		assertThat(result.asOf()).isEqualTo(DEADLINE.plusDays(20));
		assertThat(result.remindersIssued()).isEqualTo(1);
		assertThat(result.escalations()).isEqualTo(1);
		assertThat(sweepRuns()).singleElement().satisfies((run) -> {
			assertThat(run.state()).isEqualTo(JobState.SUCCEEDED);
			assertThat(run.fireKey()).isNull();
		});
	}

	@Test
	void aRefusedSweepAskedForIsRecordedAsFailed() {
		assertThatThrownBy(() -> this.jobs.runOverdueSweep(TestDatabase.TODAY.plusDays(1), null))
			.isInstanceOf(DomainException.Invalid.class);
		assertThat(sweepRuns()).singleElement().satisfies((run) -> {
			assertThat(run.state()).isEqualTo(JobState.FAILED);
			assertThat(run.message()).contains("asOf");
		});
	}

	private void fireOn(LocalDate day) {
		this.clock.setDate(day);
		JobFires.fire(this.context, OverdueSweepJob.class, JobFires.at(day));
	}

	private List<Rectification.Reminder> reminders() {
		return this.rectifications.get("id", this.task.id()).reminders();
	}

	private List<JobRun> sweepRuns() {
		return this.mongo.find(Query.query(Criteria.where("job").is(JobNames.OVERDUE_SWEEP))
			.with(Sort.by(Sort.Order.asc("startedAt"), Sort.Order.asc("_id"))), JobRun.class);
	}

}
