package org.oversight.scheduler;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.job.JobRun;
import org.oversight.core.job.JobState;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.test.Fixtures;
import org.oversight.core.test.MongoIntegrationTest;
import org.oversight.core.test.TestDatabase;
import org.oversight.scheduler.obligation.FailingObligationStore;
import org.oversight.scheduler.obligation.Obligation;
import org.oversight.scheduler.obligation.TalkObligations;
import org.oversight.scheduler.report.EcologyReportRuns;
import org.oversight.scheduler.report.FakeReportGeneration;
import org.oversight.scheduler.runtime.JobNames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run that dies between its writes (simulated by a store that throws after some writes,
 * as a process killed with kill -9 would stop) leaves a FAILED or unfinished run, and the
 * next run completes the work without duplicates.
 */
@MongoIntegrationTest
@Import(TestDoubles.class)
class CrashRecoveryIntegrationTests {

	static final LocalDate TODAY = TestDatabase.TODAY;

	@Autowired
	TalkObligations obligations;

	@Autowired
	FailingObligationStore store;

	@Autowired
	EcologyReportRuns reportRuns;

	@Autowired
	FakeReportGeneration reports;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MongoTemplate mongo;

	@AfterEach
	void reset() {
		this.store.reset();
		this.reports.reset();
	}

	@Test
	void anObligationCheckKilledMidwayIsCompletedByTheNextWithoutDuplicates() {
		int owed = teamsOwingHeartToHeartTalks();
		assertThat(owed).isEqualTo(8);

		this.store.failAfter(3);
		assertThat(this.obligations.scheduled(JobFires.at(TODAY), TODAY)).hasValueSatisfying((run) -> {
			assertThat(run.state()).isEqualTo(JobState.FAILED);
			assertThat(run.message()).contains("process killed after 3 obligations");
		});
		assertThat(this.mongo.count(new Query(), Obligation.class)).isEqualTo(3);

		this.store.reset();
		assertThat(this.obligations.scheduled(JobFires.at(TODAY.plusDays(1)), TODAY)).hasValueSatisfying((run) -> {
			assertThat(run.state()).isEqualTo(JobState.SUCCEEDED);
			assertThat(run.counts()).containsEntry("opened", 5).containsEntry("open", 8);
		});
		assertThat(this.mongo.findAll(Obligation.class)).hasSize(owed)
			.extracting(Obligation::id)
			.doesNotHaveDuplicates();
		assertThat(this.obligations.check(TODAY).opened()).isZero();
		assertThat(this.mongo.count(new Query(), Obligation.class)).isEqualTo(owed);
	}

	@Test
	void aReportRunKilledMidwayIsCompletedByTheCatchUpWithoutDuplicates() {
		for (int i = 0; i < 5; i++) {
			this.fixtures.org("O" + i, OrgLevel.COUNTY, null);
		}
		this.reports.failAfter(2);
		this.reportRuns.scheduled(JobFires.at(LocalDate.of(2026, 1, 15)), 2025);
		assertThat(reportRuns()).singleElement().satisfies((run) -> {
			assertThat(run.state()).isEqualTo(JobState.FAILED);
			assertThat(run.message()).contains("process killed after 2 reports");
		});
		assertThat(this.mongo.getCollection(FakeReportGeneration.COLLECTION).countDocuments()).isEqualTo(2);

		this.reports.failAfter(-1);
		assertThat(this.reportRuns.catchUp())
			.hasValueSatisfying((run) -> assertThat(run.state()).isEqualTo(JobState.SUCCEEDED));
		List<Document> stored = this.mongo.getCollection(FakeReportGeneration.COLLECTION)
			.find()
			.into(new ArrayList<>());
		assertThat(stored).hasSize(5).extracting((d) -> d.get("_id")).doesNotHaveDuplicates();
		assertThat(this.reportRuns.catchUp()).isEmpty();
	}

	/** Two counties, each with a principal and four other team members. */
	private int teamsOwingHeartToHeartTalks() {
		Organization city = this.fixtures.org("C", OrgLevel.CITY, null);
		LocalDate start = LocalDate.of(2024, 1, 1);
		for (String code : List.of("X", "Y")) {
			Organization county = this.fixtures.org(code, OrgLevel.COUNTY, city);
			Cadre principal = this.fixtures.cadre(code + "书记");
			this.fixtures.appoint(principal, county, TeamRole.PRINCIPAL, start);
			for (int i = 0; i < 4; i++) {
				this.fixtures.appoint(this.fixtures.cadre(code + "委员" + i), county, TeamRole.MEMBER, start);
			}
		}
		return 8;
	}

	private List<JobRun> reportRuns() {
		return this.mongo.find(Query.query(Criteria.where("job").is(JobNames.ECOLOGY_REPORTS)), JobRun.class);
	}

}
