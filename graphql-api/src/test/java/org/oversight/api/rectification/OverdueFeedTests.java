package org.oversight.api.rectification;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import org.oversight.core.rectification.OverdueSweep;
import org.oversight.core.rectification.ReminderLevel;
import org.oversight.core.rectification.StepIssued;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The feed polls once for a burst of steps issued in this process, not once per step, and
 * such polls are an interval apart.
 */
class OverdueFeedTests {

	static final OverdueSweep.StepIssuedLocally STEP = new OverdueSweep.StepIssuedLocally("t",
			ReminderLevel.REMINDER_LETTER, LocalDate.of(2026, 6, 15), "o");

	final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();

	final MongoTemplate mongo = mock(MongoTemplate.class);

	final AtomicInteger polls = new AtomicInteger();

	final CountDownLatch firstPollStarted = new CountDownLatch(1);

	final CountDownLatch releaseFirstPoll = new CountDownLatch(1);

	// no periodic poll (afterPropertiesSet is not called), and no spacing between polls
	final OverdueFeed feed = new OverdueFeed(this.mongo, Duration.ZERO, this.poller);

	OverdueFeedTests() {
		when(this.mongo.find(any(Query.class), eq(StepIssued.class))).thenAnswer((invocation) -> {
			if (this.polls.incrementAndGet() == 1) {
				this.firstPollStarted.countDown();
				assertThat(this.releaseFirstPoll.await(30, TimeUnit.SECONDS)).isTrue();
			}
			return List.of();
		});
	}

	@AfterEach
	void stop() {
		this.releaseFirstPoll.countDown();
		this.poller.shutdownNow();
	}

	@Test
	void aBurstOfStepsIssuedHereQueuesOnePoll() throws Exception {
		CountDownLatch busy = new CountDownLatch(1);
		// the poller is busy while the sweep issues its steps
		this.poller.execute(() -> {
			try {
				busy.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		for (int i = 0; i < 5_000; i++) {
			this.feed.issuedHere(STEP);
		}
		busy.countDown();
		this.releaseFirstPoll.countDown();
		drain();
		assertThat(this.polls).hasValue(1);
	}

	@Test
	void stepsIssuedDuringAPollGetOneMorePoll() throws Exception {
		this.feed.issuedHere(STEP);
		assertThat(this.firstPollStarted.await(30, TimeUnit.SECONDS)).isTrue();
		for (int i = 0; i < 5_000; i++) {
			this.feed.issuedHere(STEP);
		}
		this.releaseFirstPoll.countDown();
		drain();
		assertThat(this.polls).as("the running poll may have missed them: one more, not 5,000").hasValue(2);

		this.feed.issuedHere(STEP);
		drain();
		assertThat(this.polls).as("a later step polls again").hasValue(3);
	}

	@Test
	void pollsAskedForByStepsHereStartAnIntervalApart() throws Exception {
		this.releaseFirstPoll.countDown();
		RecordingPoller recording = new RecordingPoller();
		try {
			OverdueFeed spaced = new OverdueFeed(this.mongo, Duration.ofMinutes(5), recording);
			spaced.issuedHere(STEP);
			assertThat(recording.delays).as("the first at once").containsExactly(0L);
			recording.submit(() -> {
			}).get(30, TimeUnit.SECONDS);
			assertThat(this.polls).hasValue(1);
			recording.delays.clear();
			for (int i = 0; i < 100; i++) {
				spaced.issuedHere(STEP);
			}
			assertThat(recording.delays).singleElement()
				.as("the next one interval after the first started")
				.satisfies((delay) -> assertThat(delay).isBetween(Duration.ofMinutes(4).toMillis(),
						Duration.ofMinutes(5).toMillis()));
			assertThat(this.polls).hasValue(1);
		}
		finally {
			recording.shutdownNow();
		}
	}

	/** Waits until every poll queued so far has run (the poller has one thread). */
	@Test
	void anIdleFeedReadsTheCounterOnlyUntilItMoves() {
		java.util.concurrent.atomic.AtomicLong counter = new java.util.concurrent.atomic.AtomicLong(5);
		when(this.mongo.findOne(any(Query.class), eq(java.util.Map.class), eq("sequences")))
			.thenAnswer((invocation) -> java.util.Map.of("value", counter.get()));
		this.releaseFirstPoll.countDown();
		for (int i = 0; i < OverdueFeed.QUIET_AFTER + 10; i++) {
			this.feed.tick();
		}
		assertThat(this.polls.get()).as("the steps read while the counter may still have steps to show")
			.isEqualTo(OverdueFeed.QUIET_AFTER + 1);
		counter.set(6);
		this.feed.tick();
		this.feed.tick();
		assertThat(this.polls.get()).isEqualTo(OverdueFeed.QUIET_AFTER + 3);
	}

	private void drain() throws Exception {
		this.poller.submit(() -> {
		}).get(30, TimeUnit.SECONDS);
	}

	/** One thread, remembering the delay of every poll scheduled. */
	static class RecordingPoller extends ScheduledThreadPoolExecutor {

		final List<Long> delays = new CopyOnWriteArrayList<>();

		RecordingPoller() {
			super(1);
		}

		@Override
		public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
			this.delays.add(unit.toMillis(delay));
			return super.schedule(command, delay, unit);
		}

	}

}
