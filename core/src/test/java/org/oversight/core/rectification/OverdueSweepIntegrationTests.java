package org.oversight.core.rectification;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.common.DomainException;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.Severity;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
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

}
