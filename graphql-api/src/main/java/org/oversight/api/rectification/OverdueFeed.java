package org.oversight.api.rectification;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
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
 * which works on every MongoDB and on the embedded server). A step issued in this process
 * triggers a poll at once, or one interval after the last poll started when that was
 * sooner; however many steps a sweep here issues, at most one such poll waits at a time.
 * Each poll scans the collection on the embedded server, so a sweep of 60,000 steps makes
 * one poll per interval, not one per step. A look-back over recent sequences with a
 * memory of ids seen catches steps whose sequence was taken before a later one was stored
 * (a sweep takes its sequences in blocks of about 500, under the look-back).
 */
@Component
class OverdueFeed implements InitializingBean, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(OverdueFeed.class);

	private static final int LOOK_BACK = 1000;

	private static final int REMEMBERED = 20_000;

	/**
	 * Periodic polls that still read the steps after the sequence counter last moved: a
	 * block's sequences are taken before its steps are stored, so the steps of the last
	 * block may appear a little after the counter moved.
	 */
	static final int QUIET_AFTER = 30;

	private final MongoTemplate mongo;

	private final Duration interval;

	private final Sinks.Many<StepIssued> sink = Sinks.many().multicast().directBestEffort();

	private final LinkedHashSet<String> seen = new LinkedHashSet<>();

	private final ScheduledExecutorService poller;

	/** A poll asked for by a step issued here is queued and has not started yet. */
	private final AtomicBoolean pollPending = new AtomicBoolean();

	/** {@link System#nanoTime()} when the last poll started; none yet: MIN_VALUE. */
	private volatile long lastPollStarted = Long.MIN_VALUE;

	private long last = Long.MIN_VALUE;

	/** The sequence counter as the last periodic poll read it. */
	private long counterSeen = Long.MIN_VALUE;

	/** Periodic polls since the counter last moved. */
	private int quietTicks;

	@Autowired
	OverdueFeed(MongoTemplate mongo, @Value("${oversight.graphql.feed-interval:1s}") Duration interval) {
		this(mongo, interval, Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "overdue-feed");
			thread.setDaemon(true);
			return thread;
		}));
	}

	/** With the poller given: one thread, which runs every poll. */
	OverdueFeed(MongoTemplate mongo, Duration interval, ScheduledExecutorService poller) {
		this.mongo = mongo;
		this.interval = interval;
		this.poller = poller;
	}

	@Override
	public void afterPropertiesSet() {
		StepIssued newest = this.mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "sequence")).limit(1),
				StepIssued.class);
		this.last = (newest != null) ? newest.sequence() : 0;
		this.poller.scheduleWithFixedDelay(this::tick, this.interval.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	Flux<StepIssued> steps() {
		return this.sink.asFlux();
	}

	/**
	 * A step was issued in this process: poll soon. A sweep issues thousands; one poll
	 * queued is enough for all of them, as the poll reads every step stored before it
	 * starts (the flag is cleared as it starts, so a step stored during a poll gets the
	 * next one). Not sooner than one interval after the last poll started.
	 */
	@EventListener
	void issuedHere(OverdueSweep.StepIssuedLocally event) {
		if (this.pollPending.compareAndSet(false, true)) {
			long last = this.lastPollStarted;
			long delay = (last == Long.MIN_VALUE) ? 0 : Math.max(0, last + this.interval.toNanos() - System.nanoTime());
			this.poller.schedule(() -> {
				this.pollPending.set(false);
				poll();
			}, delay, TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * The periodic poll: reads the sequence counter (by {@code _id}) and the steps only
	 * while the counter moves and for {@value #QUIET_AFTER} polls after, so an idle feed
	 * costs one read by id per interval instead of a query of the steps (a scan of them
	 * on the embedded server).
	 */
	synchronized void tick() {
		long counter;
		try {
			Map<?, ?> document = this.mongo.findOne(Query.query(Criteria.where("_id").is("rectification_steps")),
					Map.class, "sequences");
			counter = (document != null && document.get("value") instanceof Number value) ? value.longValue() : -1;
		}
		catch (RuntimeException ex) {
			poll();
			return;
		}
		if (counter != this.counterSeen) {
			this.counterSeen = counter;
			this.quietTicks = 0;
		}
		else if (this.quietTicks >= QUIET_AFTER) {
			return;
		}
		else {
			this.quietTicks++;
		}
		poll();
	}

	synchronized void poll() {
		this.lastPollStarted = System.nanoTime();
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
