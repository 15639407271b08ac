package org.oversight.scheduler.report;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import org.oversight.core.common.DomainException;
import org.oversight.core.job.JobRun;
import org.oversight.core.job.JobRuns;
import org.oversight.core.job.JobState;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.MongoIntegrationTest;
import org.oversight.core.test.TestDatabase;
import org.oversight.scheduler.JobFires;
import org.oversight.scheduler.SchedulerJobs;
import org.oversight.scheduler.TestDoubles;
import org.oversight.scheduler.runtime.JobNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The report runs with a stand-in for the analytics module: the yearly fire, runs asked
 * for (finished or still running), and the catch-up of a missed fire, once.
 */
@MongoIntegrationTest
@Import(TestDoubles.class)
class EcologyReportRunsIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	SchedulerJobs jobs;

	@Autowired
	EcologyReportRuns runs;

	@Autowired
	JobRuns jobRuns;

	@Autowired
	FakeReportGeneration reports;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TestDatabase.MutableClock clock;

	Organization city;

	Organization county;

	@BeforeEach
	void tree() {
		this.reports.reset();
		this.city = this.fixtures.org("C", OrgLevel.CITY, null);
		this.county = this.fixtures.org("X", OrgLevel.COUNTY, this.city);
		this.fixtures.org("Y", OrgLevel.COUNTY, this.city);
	}

	@AfterEach
	void reset() {
		this.reports.reset();
	}

	@Test
	void theYearlyFireGeneratesLastYearsReportsOnce() {
		this.clock.setDate(LocalDate.of(2027, 1, 15));
		JobFires.fire(this.context, EcologyReportsJob.class, JobFires.at(LocalDate.of(2027, 1, 15)));
		JobFires.fire(this.context, EcologyReportsJob.class, JobFires.at(LocalDate.of(2027, 1, 15)));

		assertThat(this.reports.calls()).isEqualTo(1);
		assertThat(reportRuns()).singleElement().satisfies((run) -> {
			assertThat(run.state()).isEqualTo(JobState.SUCCEEDED);
			assertThat(run.counts()).containsEntry("year", 2026).containsEntry("reports", 3).doesNotContainKey("under");
			assertThat(run.message()).startsWith("generated 3 reports of 2026");
		});
		assertThat(this.runs.generated(2026)).isTrue();
	}

	@Test
	void aRunAskedForThatEndsInTimeAnswersSucceeded() {
		JobRun run = this.jobs.generateEcologyReports(2025, this.county.id());
		assertThat(run.state()).isEqualTo(JobState.SUCCEEDED);
		assertThat(run.counts()).containsEntry("year", 2025)
			.containsEntry("under", this.county.id())
			.containsEntry("reports", 1);
		assertThat(this.runs.generated(2025)).as("a subtree is not every organization's reports").isFalse();
	}

	@Test
	void aLongRunAnswersRunningAndUpdatesItsRecordWhenItEnds() {
		CountDownLatch gate = this.reports.closeGate();
		JobRun run = this.runs.generate(2025, null, Duration.ofMillis(50));
		assertThat(run.state()).isEqualTo(JobState.RUNNING);
		assertThat(run.finishedAt()).isNull();

		gate.countDown();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jobRuns.get(run.id()).orElseThrow().state() == JobState.SUCCEEDED);
		assertThat(this.jobRuns.get(run.id()).orElseThrow().counts()).containsEntry("reports", 3);
	}

	@Test
	void yearsAfterThisOneAndUnknownOrganizationsAreRefused() {
		assertThatThrownBy(() -> this.jobs.generateEcologyReports(2027, null))
			.isInstanceOfSatisfying(DomainException.Invalid.class, (ex) -> assertThat(ex.field()).isEqualTo("year"));
		assertThatThrownBy(() -> this.jobs.generateEcologyReports(2025, "000000000000000000000000"))
			.isInstanceOfSatisfying(DomainException.NotFound.class, (ex) -> assertThat(ex.field()).isEqualTo("under"));
		assertThat(reportRuns()).isEmpty();
	}

	@Test
	void aMissedYearlyFireIsCaughtUpOnceAtTheNextStart() {
		assertThat(this.runs.dueYear()).as("on 15 June 2026 the due fire was January's, for 2025").hasValue(2025);
		Optional<JobRun> caughtUp = this.runs.catchUp();
		assertThat(caughtUp).hasValueSatisfying((run) -> {
			assertThat(run.state()).isEqualTo(JobState.SUCCEEDED);
			assertThat(run.counts()).containsEntry("year", 2025).containsEntry("catchUp", true);
			assertThat(run.message()).startsWith("caught up: generated 3 reports of 2025");
		});
		assertThat(this.runs.catchUp()).as("generated: nothing to catch up").isEmpty();
		assertThat(this.reports.calls()).isEqualTo(1);
	}

	@Test
	void nothingIsCaughtUpWhenTheYearsReportsWereGenerated() {
		this.jobs.generateEcologyReports(2025, null);
		assertThat(this.runs.catchUp()).isEmpty();
		assertThat(this.reports.calls()).isEqualTo(1);
	}

	@Test
	void processesStartingTogetherCatchUpOnlyOnce() throws Exception {
		CountDownLatch gate = this.reports.closeGate();
		ExecutorService starts = Executors.newFixedThreadPool(4);
		try {
			List<Future<Optional<JobRun>>> results = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				results.add(starts.submit(this.runs::catchUp));
			}
			await().atMost(Duration.ofSeconds(20)).until(() -> this.reports.calls() == 1);
			gate.countDown();
			int ran = 0;
			for (Future<Optional<JobRun>> result : results) {
				ran += result.get().isPresent() ? 1 : 0;
			}
			assertThat(ran).isEqualTo(1);
		}
		finally {
			starts.shutdownNow();
		}
		assertThat(this.reports.calls()).isEqualTo(1);
		assertThat(reportRuns()).singleElement()
			.satisfies((run) -> assertThat(run.state()).isEqualTo(JobState.SUCCEEDED));
	}

	private List<JobRun> reportRuns() {
		return this.mongo.find(Query.query(Criteria.where("job").is(JobNames.ECOLOGY_REPORTS)), JobRun.class);
	}

}
