package org.oversight.api.rectification;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import org.oversight.core.rectification.OverdueSweep;
import org.oversight.core.rectification.StepIssued;

/**
 * The live feed of escalation steps, whichever process's sweep issued them: every API
 * process follows the {@code rectification_steps} collection by its sequence (polling,
 * which works on every MongoDB and on the embedded server; a step issued in this process
 * triggers a poll at once). A look-back over recent sequences with a memory of ids seen
 * catches steps whose sequence was taken before a later one was stored.
 */
@Component
class OverdueFeed implements InitializingBean, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(OverdueFeed.class);

	private static final int LOOK_BACK = 1000;

	private static final int REMEMBERED = 20_000;

	private final MongoTemplate mongo;

	private final Duration interval;

	private final Sinks.Many<StepIssued> sink = Sinks.many().multicast().directBestEffort();

	private final LinkedHashSet<String> seen = new LinkedHashSet<>();

	private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "overdue-feed");
		thread.setDaemon(true);
		return thread;
	});

	private long last = Long.MIN_VALUE;

	OverdueFeed(MongoTemplate mongo, @Value("${oversight.graphql.feed-interval:1s}") Duration interval) {
		this.mongo = mongo;
		this.interval = interval;
	}

	@Override
	public void afterPropertiesSet() {
		StepIssued newest = this.mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "sequence")).limit(1),
				StepIssued.class);
		this.last = (newest != null) ? newest.sequence() : 0;
		this.poller.scheduleWithFixedDelay(this::poll, this.interval.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	Flux<StepIssued> steps() {
		return this.sink.asFlux();
	}

	@EventListener
	void issuedHere(OverdueSweep.StepIssuedLocally event) {
		this.poller.execute(this::poll);
	}

	synchronized void poll() {
		try {
			List<StepIssued> steps = this.mongo.find(
					Query.query(Criteria.where("sequence").gt(this.last - LOOK_BACK)).with(Sort.by("sequence")),
					StepIssued.class);
			for (StepIssued step : steps) {
				if (this.seen.add(step.id())) {
					this.sink.tryEmitNext(step);
					if (this.seen.size() > REMEMBERED) {
						this.seen.remove(this.seen.iterator().next());
					}
				}
				this.last = Math.max(this.last, step.sequence());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read new escalation steps: {}", ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		this.poller.shutdownNow();
		this.sink.tryEmitComplete();
	}

}
