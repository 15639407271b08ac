package org.oversight.core.job;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One run of a job, scheduled or asked for.
 *
 * @param fireKey identifies a scheduled fire ({@code job@fireTime}); unique, so two
 * processes cannot both record a run for the same fire; null for runs asked for
 */
@Document("job_runs")
public record JobRun(@Id String id, @Indexed String job, JobState state, @Indexed Instant startedAt, Instant finishedAt,
		String message, Map<String, Object> counts, String startedBy,
		@Indexed(unique = true, sparse = true) String fireKey) {

}
