package org.oversight.scheduler.report;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

import org.oversight.core.job.JobRun;
import org.oversight.core.job.JobState;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.MongoIntegrationTest;
import org.oversight.core.test.TestDatabase;
import org.oversight.scheduler.JobFires;
import org.oversight.scheduler.TestDoubles;
import org.oversight.scheduler.runtime.JobNames;
import org.oversight.scheduler.runtime.RecordedRuns;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The yearly fire split into partitions: each partition and the roots' last step run once
 * however often the fire comes, and a failed partition leaves the year to the catch-up.
 */
@MongoIntegrationTest
@Import(TestDoubles.class)
@TestPropertySource(properties = "oversight.scheduler.report-partitions=2")
class SplitReportFireIntegrationTests {

	static final LocalDate FIRED = LocalDate.of(2027, 1, 15);

	@Autowired
	ApplicationContext context;

	@Autowired
	EcologyReportRuns runs;

	@Autowired
	FakeReportGeneration reports;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TestDatabase.MutableClock clock;

	@BeforeEach
	void tree() {
		this.reports.reset();
		Organization city = this.fixtures.org("C", OrgLevel.CITY, null);
		Organization x = this.fixtures.org("X", OrgLevel.COUNTY, city);
		this.fixtures.org("T", OrgLevel.TOWNSHIP, x);
		this.fixtures.org("Y", OrgLevel.COUNTY, city);
		this.fixtures.org("Z", OrgLevel.COUNTY, city);
		this.clock.setDate(FIRED);
	}

	@AfterEach
	void reset() {
		this.reports.reset();
	}

	@Test
	void eachPartitionAndTheRootsRunOnceHoweverOftenTheFireComes() {
		JobFires.fire(this.context, EcologyReportsJob.class, JobFires.at(FIRED));
		JobFires.fire(this.context, EcologyReportsJob.class, JobFires.at(FIRED));

		assertThat(this.reports.partitionCalls()).isEqualTo(2);
		assertThat(this.reports.topCalls()).isEqualTo(1);
		assertThat(this.reports.calls()).as("never in one piece").isZero();
		String fire = RecordedRuns.fireKey(JobNames.ECOLOGY_REPORTS, JobFires.at(FIRED));
		List<JobRun> all = reportRuns();
		assertThat(all).extracting(JobRun::fireKey).containsExactlyInAnyOrder(fire + "#1/2", fire + "#2/2", fire);
		assertThat(all).allSatisfy((run) -> assertThat(run.state()).isEqualTo(JobState.SUCCEEDED));
		JobRun top = all.stream().filter((run) -> run.fireKey().equals(fire)).findFirst().orElseThrow();
		assertThat(top.counts()).containsEntry("year", 2026)
			.containsEntry("partitions", 2)
			.containsEntry("reports", 1)
			.doesNotContainKey("partition");
		// every organization once: X and T in one partition, Y and Z in the other, C last
		assertThat(this.mongo.count(new Query(), FakeReportGeneration.COLLECTION)).isEqualTo(5);
		assertThat(this.mongo.count(Query.query(Criteria.where("computed").is(1)), FakeReportGeneration.COLLECTION))
			.isEqualTo(5);
		assertThat(this.runs.generated(2026)).isTrue();
	}

	@Test
	void aFailedPartitionLeavesTheYearToTheCatchUp() {
		// dies after one report: the partition of X, T and Z fails, Y's succeeds
		this.reports.failAfter(1);
		JobFires.fire(this.context, EcologyReportsJob.class, JobFires.at(FIRED));

		String fire = RecordedRuns.fireKey(JobNames.ECOLOGY_REPORTS, JobFires.at(FIRED));
		assertThat(reportRuns()).extracting(JobRun::fireKey, JobRun::state)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(fire + "#1/2", JobState.FAILED),
					org.assertj.core.groups.Tuple.tuple(fire + "#2/2", JobState.SUCCEEDED));
		assertThat(this.reports.topCalls()).as("the roots wait for every partition").isZero();
		assertThat(this.runs.generated(2026)).as("a partition alone is not the year").isFalse();

		this.reports.failAfter(-1);
		assertThat(this.runs.catchUp()).hasValueSatisfying((run) -> {
			assertThat(run.state()).isEqualTo(JobState.SUCCEEDED);
			assertThat(run.counts()).containsEntry("year", 2026).containsEntry("reports", 5);
		});
		assertThat(this.runs.generated(2026)).isTrue();
	}

	@Test
	void aPartitionThatSucceededAloneDoesNotMakeTheYearGenerated() {
		this.reports.failAfter(-1);
		String fire = RecordedRuns.fireKey(JobNames.ECOLOGY_REPORTS, JobFires.at(FIRED));
		// another process holds the second partition (claimed, still running)
		this.mongo.getCollection("job_runs")
			.insertOne(new org.bson.Document("job", JobNames.ECOLOGY_REPORTS).append("fireKey", fire + "#2/2")
				.append("state", JobState.RUNNING.name()));
		JobFires.fire(this.context, EcologyReportsJob.class, JobFires.at(FIRED));

		assertThat(this.reports.partitionCalls()).isEqualTo(1);
		assertThat(this.reports.topCalls()).isZero();
		assertThat(this.runs.generated(2026)).isFalse();
	}

	private List<JobRun> reportRuns() {
		return this.mongo.find(Query.query(Criteria.where("job").is(JobNames.ECOLOGY_REPORTS)), JobRun.class);
	}

}
