package org.oversight.api.job;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.oversight.api.viewer.Right;
import org.oversight.api.viewer.Viewer;
import org.oversight.core.common.DomainException;
import org.oversight.core.job.JobRun;
import org.oversight.core.job.JobRuns;
import org.oversight.scheduler.SchedulerJobs;

/** The JobRun type. */
@Controller
class JobController {

	private final JobRuns runs;

	private final SchedulerJobs jobs;

	JobController(JobRuns runs, SchedulerJobs jobs) {
		this.runs = runs;
		this.jobs = jobs;
	}

	@MutationMapping
	JobRun rebuildReadModels(@ContextValue Viewer viewer) {
		viewer.require(Right.MAINTAIN);
		return this.jobs.rebuildReadModels();
	}

	@QueryMapping
	JobRun jobRun(@Argument String id, @ContextValue Viewer viewer) {
		viewer.require(Right.READ);
		return this.runs.get(id).orElse(null);
	}

	@QueryMapping
	List<JobRun> jobRuns(@Argument String job, @Argument Integer first, @ContextValue Viewer viewer) {
		viewer.require(Right.READ);
		int limit = (first != null) ? first : 20;
		if (limit < 0 || limit > 100) {
			throw DomainException.invalid("first", "must be between 0 and 100");
		}
		return this.runs.newest(job, limit);
	}

}
