package org.oversight.scheduler.runtime;

import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.GroupMatcher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import org.oversight.core.test.MongoIntegrationTest;
import org.oversight.scheduler.SchedulerJobs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code oversight.scheduler.enabled=false} (as every {@code @MongoIntegrationTest}
 * sets): no trigger and no running scheduler in the process; the jobs stay known and the
 * services usable.
 */
@MongoIntegrationTest
class SchedulerSwitchIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Scheduler scheduler;

	@Test
	void switchedOffNoTriggerIsScheduledAndQuartzDoesNotStart() throws Exception {
		assertThat(this.scheduler.isStarted()).isFalse();
		assertThat(this.scheduler.getTriggerKeys(GroupMatcher.anyTriggerGroup())).isEmpty();
		assertThat(this.scheduler.getJobKeys(GroupMatcher.jobGroupEquals(JobNames.GROUP))).extracting(JobKey::getName)
			.containsExactlyInAnyOrder(JobNames.OVERDUE_SWEEP, JobNames.TALK_OBLIGATIONS, JobNames.ECOLOGY_REPORTS,
					JobNames.READ_MODELS);
		assertThat(this.context.getBean(SchedulerJobs.class)).isNotNull();
		assertThat(this.context.getBean(SchedulerProperties.class).enabled()).isFalse();
	}

}
