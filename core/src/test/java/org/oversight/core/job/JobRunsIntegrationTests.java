package org.oversight.core.job;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.oversight.core.test.MongoIntegrationTest;
import org.oversight.core.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MongoIntegrationTest
class JobRunsIntegrationTests {

	@Autowired
	JobRuns runs;

	@Autowired
	TestDatabase.MutableClock clock;

	@Test
	void aFireIsClaimedOnce() {
		assertThat(this.runs.claim("overdue-sweep", "overdue-sweep@2026-06-15T01:00")).isPresent();
		assertThat(this.runs.claim("overdue-sweep", "overdue-sweep@2026-06-15T01:00")).isEmpty();
		assertThat(this.runs.claim("overdue-sweep", "overdue-sweep@2026-06-16T01:00")).isPresent();
	}

	@Test
	void runsRecordSuccessAndFailureNewestFirst() {
		int result = this.runs.record("demo-job", (run) -> 42, (n) -> "did " + n, (n) -> Map.of("n", n));
		assertThat(result).isEqualTo(42);
		JobRun ok = this.runs.newest("demo-job", 1).get(0);
		assertThat(ok.state()).isEqualTo(JobState.SUCCEEDED);
		assertThat(ok.message()).isEqualTo("did 42");
		this.clock.setDate(TestDatabase.TODAY.plusDays(1));
		assertThatThrownBy(() -> this.runs.record("demo-job", (run) -> {
			throw new IllegalStateException("boom");
		}, (n) -> "", (n) -> Map.of())).isInstanceOf(IllegalStateException.class);
		JobRun failed = this.runs.newest("demo-job", 5).get(0);
		assertThat(failed.state()).isEqualTo(JobState.FAILED);
		assertThat(failed.message()).contains("boom");
	}

	@Test
	void runsLeftRunningByAStoppedProcessAreClosedLater() {
		JobRun left = this.runs.start("ecology-reports", null);
		assertThat(this.runs.abandonStale(Duration.ofHours(2))).isZero();
		this.clock.setDate(TestDatabase.TODAY.plusDays(1));
		assertThat(this.runs.abandonStale(Duration.ofHours(2))).isEqualTo(1);
		JobRun closed = this.runs.get(left.id()).orElseThrow();
		assertThat(closed.state()).isEqualTo(JobState.FAILED);
		assertThat(closed.message()).contains("abandoned");
	}

}
