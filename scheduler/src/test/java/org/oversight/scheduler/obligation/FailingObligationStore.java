package org.oversight.scheduler.obligation;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The real store, which can be told to die (like a process killed with kill -9) after
 * storing some new obligations.
 */
public class FailingObligationStore extends ObligationStore {

	private final AtomicInteger stored = new AtomicInteger();

	private volatile int failAfter = -1;

	public FailingObligationStore(MongoTemplate mongo) {
		super(mongo);
	}

	@Override
	Opened open(Obligation owed, LocalDate day, long check) {
		if (this.failAfter >= 0 && this.stored.get() >= this.failAfter) {
			throw new IllegalStateException("process killed after " + this.stored.get() + " obligations (simulated)");
		}
		Opened opened = super.open(owed, day, check);
		if (opened == Opened.NEW) {
			this.stored.incrementAndGet();
		}
		return opened;
	}

	/** Dies on the first write after {@code obligations} new ones; negative: never. */
	public void failAfter(int obligations) {
		this.stored.set(0);
		this.failAfter = obligations;
	}

	public void reset() {
		failAfter(-1);
	}

}
