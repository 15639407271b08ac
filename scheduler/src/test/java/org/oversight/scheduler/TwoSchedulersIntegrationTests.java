package org.oversight.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.CronTrigger;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import org.oversight.core.cadre.TeamRole;
import org.oversight.core.finding.Severity;
import org.oversight.core.job.JobRun;
import org.oversight.core.job.JobState;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.rectification.Rectification;
import org.oversight.core.rectification.RectificationService;
import org.oversight.core.test.CleanDatabase;
import org.oversight.core.test.DatabaseVariant;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.TestDatabase;
import org.oversight.scheduler.report.FakeReportGeneration;
import org.oversight.scheduler.runtime.JobNames;
import org.oversight.scheduler.runtime.RecordedRuns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two scheduler processes on one database: this test's application context (node A) and a
 * second one started beside it (node B), each with its own Quartz scheduler, MongoDB
 * client and beans. Both fire every job for the same fire times; each fire time runs
 * exactly once.
 */
@Tag("mongo")
@ExtendWith(DatabaseVariant.class)
@ExtendWith(CleanDatabase.class)
@SpringBootTest(properties = { TwoSchedulersIntegrationTests.NO_DEMO, TwoSchedulersIntegrationTests.ENABLED,
		TwoSchedulersIntegrationTests.NO_CATCH_UP, TwoSchedulersIntegrationTests.SWEEP_CRON,
		TwoSchedulersIntegrationTests.OBLIGATIONS_CRON, TwoSchedulersIntegrationTests.REPORTS_CRON,
		TwoSchedulersIntegrationTests.READ_MODELS_CRON, "spring.quartz.scheduler-name=node-a" })
@Import({ TestDatabase.class, TestDoubles.class })
class TwoSchedulersIntegrationTests {

	static final String NO_DEMO = "oversight.demo-loader.enabled=false";

	static final String ENABLED = "oversight.scheduler.enabled=true";

	static final String NO_CATCH_UP = "oversight.scheduler.catch-up-on-start=false";

	// real triggers that never fire while the tests run
	static final String SWEEP_CRON = "oversight.scheduler.overdue-sweep-cron=0 0 1 * * ? 2099";

	static final String OBLIGATIONS_CRON = "oversight.scheduler.talk-obligations-cron=0 0 2 * * ? 2099";

	static final String REPORTS_CRON = "oversight.scheduler.ecology-reports-cron=0 0 3 15 1 ? 2099";

	static final String READ_MODELS_CRON = "oversight.scheduler.read-models-cron=0 30 2 * * ? 2099";

	static final List<String> JOBS = List.of(JobNames.OVERDUE_SWEEP, JobNames.TALK_OBLIGATIONS,
			JobNames.ECOLOGY_REPORTS, JobNames.READ_MODELS);

	static ConfigurableApplicationContext nodeB;

	@Autowired
	ConfigurableApplicationContext nodeA;

	@Autowired
	Fixtures fixtures;

	@Autowired
	RectificationService rectifications;

	@Autowired
	MongoTemplate mongo;

	@BeforeEach
	void startNodeB() {
		if (nodeB == null) {
			nodeB = startNode("node-b");
		}
		report(this.nodeA).reset();
		report(nodeB).reset();
	}

	@AfterAll
	static void stopNodeB() {
		if (nodeB != null) {
			nodeB.close();
			nodeB = null;
		}
	}

	@Test
	void bothProcessesScheduleEveryJobInTheConfiguredZone() throws Exception {
		for (ConfigurableApplicationContext node : List.of(this.nodeA, nodeB)) {
			Scheduler scheduler = node.getBean(Scheduler.class);
			assertThat(scheduler.isStarted()).isTrue();
			assertThat(scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(JobNames.GROUP)))
				.extracting(TriggerKey::getName)
				.containsExactlyInAnyOrderElementsOf(JOBS);
			CronTrigger sweep = (CronTrigger) scheduler
				.getTrigger(TriggerKey.triggerKey(JobNames.OVERDUE_SWEEP, JobNames.GROUP));
			assertThat(sweep.getCronExpression()).isEqualTo("0 0 1 * * ? 2099");
			assertThat(sweep.getTimeZone().getID()).isEqualTo("Asia/Shanghai");
			assertThat(sweep.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_IGNORE_MISFIRE_POLICY);
		}
	}

	@Test
	void eachFireTimeRunsOnceAcrossTwoSchedulers() throws Exception {
		Rectification task = overdueTask();
		Instant first = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(10);
		List<Instant> fireTimes = List.of(first, first.plusSeconds(1), first.plusSeconds(2));
		List<Scheduler> schedulers = List.of(this.nodeA.getBean(Scheduler.class), nodeB.getBean(Scheduler.class));
		CountDownLatch executed = new CountDownLatch(schedulers.size() * JOBS.size() * fireTimes.size());
		Counting listener = new Counting(executed);
		for (Scheduler scheduler : schedulers) {
			scheduler.getListenerManager().addJobListener(listener, GroupMatcher.jobGroupEquals(JobNames.GROUP));
		}
		try {
			for (Scheduler scheduler : schedulers) {
				for (String job : JOBS) {
					for (Instant fireTime : fireTimes) {
						scheduler.scheduleJob(TriggerBuilder.newTrigger()
							.withIdentity(job + "@" + fireTime, "test")
							.forJob(JobKey.jobKey(job, JobNames.GROUP))
							.startAt(Date.from(fireTime))
							.withSchedule(SimpleScheduleBuilder.simpleSchedule()
								.withMisfireHandlingInstructionIgnoreMisfires())
							.build());
					}
				}
			}
			assertThat(executed.await(60, TimeUnit.SECONDS)).as("every fire of both schedulers executed").isTrue();
		}
		finally {
			for (Scheduler scheduler : schedulers) {
				scheduler.getListenerManager().removeJobListener(listener.getName());
			}
		}

		for (String job : JOBS) {
			List<JobRun> runs = this.mongo.find(Query.query(Criteria.where("job").is(job)), JobRun.class);
			assertThat(runs).as(job).hasSize(fireTimes.size()).allMatch((run) -> run.state() == JobState.SUCCEEDED);
			Set<String> keys = runs.stream().map(JobRun::fireKey).collect(Collectors.toSet());
			assertThat(keys).containsExactlyInAnyOrderElementsOf(
					fireTimes.stream().map((time) -> RecordedRuns.fireKey(job, time)).toList());
		}
		assertThat(listener.failures).isEmpty();
		assertThat(report(this.nodeA).calls() + report(nodeB).calls()).as("reports generated once per fire time")
			.isEqualTo(fireTimes.size());
		assertThat(this.rectifications.get("id", task.id()).reminders()).hasSize(1);
	}

	@Test
	void processesStartingAfterAMissedYearlyFireCatchUpOnce() {
		List<ConfigurableApplicationContext> started = new ArrayList<>();
		try {
			// the default yearly cron (15 January 03:00): on 15 June 2026 the fire for
			// 2025 was due
			String yearly = "oversight.scheduler.ecology-reports-cron=0 0 3 15 1 ?";
			started.add(startNode("node-c", "oversight.scheduler.catch-up-on-start=true", yearly));
			started.add(startNode("node-d", "oversight.scheduler.catch-up-on-start=true", yearly));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.mongo.exists(Query.query(Criteria.where("job")
					.is(JobNames.ECOLOGY_REPORTS)
					.and("state")
					.is(JobState.SUCCEEDED)
					.and("counts.catchUp")
					.is(true)
					.and("counts.year")
					.is(2025)), JobRun.class));
		}
		finally {
			started.forEach(ConfigurableApplicationContext::close);
		}
		assertThat(this.mongo.count(Query.query(Criteria.where("job").is(JobNames.ECOLOGY_REPORTS)), JobRun.class))
			.isEqualTo(1);
	}

	private ConfigurableApplicationContext startNode(String name, String... properties) {
		List<String> all = new ArrayList<>(List.of(NO_DEMO, ENABLED, NO_CATCH_UP, SWEEP_CRON, OBLIGATIONS_CRON,
				REPORTS_CRON, READ_MODELS_CRON, "spring.quartz.scheduler-name=" + name));
		all.addAll(List.of(properties));
		return OtherProcess.start(this.nodeA, all.toArray(String[]::new));
	}

	private Rectification overdueTask() {
		Organization city = this.fixtures.org("C", OrgLevel.CITY, null);
		this.fixtures.appoint(this.fixtures.cadre("市委书记"), city, TeamRole.PRINCIPAL, LocalDate.of(2020, 1, 1));
		return this.fixtures.task(this.fixtures.finding(city, null, Severity.GENERAL, LocalDate.of(2026, 5, 1)), city,
				TestDatabase.TODAY.minusDays(1));
	}

	private static FakeReportGeneration report(ConfigurableApplicationContext node) {
		return node.getBean(FakeReportGeneration.class);
	}

	/** Counts executed jobs, whichever scheduler ran them. */
	static final class Counting implements JobListener {

		private final CountDownLatch executed;

		final List<JobExecutionException> failures = new ArrayList<>();

		Counting(CountDownLatch executed) {
			this.executed = executed;
		}

		@Override
		public String getName() {
			return "counting";
		}

		@Override
		public void jobToBeExecuted(JobExecutionContext context) {
		}

		@Override
		public void jobExecutionVetoed(JobExecutionContext context) {
		}

		@Override
		public synchronized void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
			if (failure != null) {
				this.failures.add(failure);
			}
			this.executed.countDown();
		}

	}

}
