package org.oversight.scheduler.report;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import org.oversight.core.job.JobRun;
import org.oversight.core.job.JobState;
import org.oversight.core.test.MongoIntegrationTest;
import org.oversight.core.test.TestDatabase;
import org.oversight.scheduler.JobFires;
import org.oversight.scheduler.SchedulerJobs;
import org.oversight.scheduler.runtime.JobNames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without an implementation of the report port (the analytics adapter missing), every
 * report run fails visibly, and a failed fire does not stop the next one.
 */
@MongoIntegrationTest
@org.springframework.test.context.TestPropertySource(properties = "oversight.scheduler.analytics-reports=false")
class MissingReportGenerationIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	SchedulerJobs jobs;

	@Autowired
	EcologyReportRuns runs;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aScheduledFireIsRecordedAsFailedWithTheReasonAndTheNextFireStillRuns() {
		assertThat(this.context.getBeanProvider(ReportGeneration.class).getIfAvailable()).isNull();
		JobFires.fire(this.context, EcologyReportsJob.class, JobFires.at(TestDatabase.TODAY));
		JobFires.fire(this.context, EcologyReportsJob.class, JobFires.at(TestDatabase.TODAY.plusDays(1)));

		assertThat(reportRuns()).hasSize(2).allSatisfy((run) -> {
			assertThat(run.state()).isEqualTo(JobState.FAILED);
			assertThat(run.finishedAt()).isNotNull();
			assertThat(run.message()).isEqualTo("IllegalStateException: " + EcologyReportRuns.MISSING);
		});
	}

	@Test
	void generatingAskedForAnswersAFailedRunNotASuccess() {
		JobRun run = this.jobs.generateEcologyReports(2025, null);
		assertThat(run.state()).isEqualTo(JobState.FAILED);
		assertThat(run.message()).contains("no bean implements " + ReportGeneration.class.getName());
	}

	@Test
	void theCatchUpFailsVisiblyAndIsTriedAgainAtTheNextStart() {
		assertThat(this.runs.catchUp()).hasValueSatisfying((run) -> assertThat(run.state()).isEqualTo(JobState.FAILED));
		assertThat(this.runs.catchUp()).as("still missing: tried again")
			.hasValueSatisfying((run) -> assertThat(run.state()).isEqualTo(JobState.FAILED));
		assertThat(this.runs.generated(2025)).isFalse();
	}

	private List<JobRun> reportRuns() {
		return this.mongo.find(Query.query(Criteria.where("job").is(JobNames.ECOLOGY_REPORTS))
			.with(Sort.by(Sort.Order.asc("startedAt"), Sort.Order.asc("_id"))), JobRun.class);
	}

}
