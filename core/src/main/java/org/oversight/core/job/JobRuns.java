package org.oversight.core.job;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import org.oversight.core.common.Actor;
import org.oversight.core.common.Today;

/** Records job runs: started, then succeeded with counts or failed with the error. */
@Service
public class JobRuns {

	private static final Logger logger = LoggerFactory.getLogger(JobRuns.class);

	private final MongoTemplate mongo;

	private final Today today;

	JobRuns(MongoTemplate mongo, Today today) {
		this.mongo = mongo;
		this.today = today;
	}

	public JobRun start(String job, String fireKey) {
		JobRun run = new JobRun(new ObjectId().toHexString(), job, JobState.RUNNING, this.today.now(), null, null,
				Map.of(), Actor.current(), fireKey);
		return this.mongo.insert(run);
	}

	/**
	 * Claims a scheduled fire: empty when another process already recorded a run for it.
	 */
	public Optional<JobRun> claim(String job, String fireKey) {
		try {
			return Optional.of(start(job, fireKey));
		}
		catch (DuplicateKeyException ex) {
			return Optional.empty();
		}
	}

	public JobRun succeed(String id, String message, Map<String, Object> counts) {
		return finish(id, JobState.SUCCEEDED, message, counts);
	}

	public JobRun fail(String id, String message) {
		return finish(id, JobState.FAILED, message, Map.of());
	}

	private JobRun finish(String id, JobState state, String message, Map<String, Object> counts) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("state", state)
					.set("finishedAt", this.today.now())
					.set("message", message)
					.set("counts", counts),
				JobRun.class);
		return get(id).orElseThrow();
	}

	/** Runs the work as a recorded run; a failure is recorded and rethrown. */
	public <T> T record(String job, Function<JobRun, T> work, Function<T, String> message,
			Function<T, Map<String, Object>> counts) {
		JobRun run = start(job, null);
		try {
			T result = work.apply(run);
			succeed(run.id(), message.apply(result), counts.apply(result));
			return result;
		}
		catch (RuntimeException ex) {
			logger.warn("Job {} run {} failed", job, run.id(), ex);
			fail(run.id(), ex.getClass().getSimpleName() + ": " + ex.getMessage());
			throw ex;
		}
	}

	/**
	 * Closes runs left RUNNING by a process that stopped midway (killed, crashed): any
	 * started longer ago than {@code olderThan} becomes FAILED, saying so. The work
	 * itself is completed by the next run (every job's writes are idempotent).
	 */
	public int abandonStale(java.time.Duration olderThan) {
		var result = this.mongo.updateMulti(Query
			.query(Criteria.where("state").is(JobState.RUNNING).and("startedAt").lt(this.today.now().minus(olderThan))),
				new Update().set("state", JobState.FAILED)
					.set("finishedAt", this.today.now())
					.set("message", "abandoned: the process running it stopped before it finished"),
				JobRun.class);
		return (int) result.getModifiedCount();
	}

	public Optional<JobRun> get(String id) {
		if (id == null || !ObjectId.isValid(id)) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.mongo.findById(id, JobRun.class));
	}

	public List<JobRun> newest(String job, int limit) {
		Criteria criteria = (job != null) ? Criteria.where("job").is(job) : new Criteria();
		return this.mongo.find(
				Query.query(criteria).with(Sort.by(Sort.Order.desc("startedAt"), Sort.Order.desc("_id"))).limit(limit),
				JobRun.class);
	}

}
