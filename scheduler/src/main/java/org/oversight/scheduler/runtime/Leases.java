package org.oversight.scheduler.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Leases across processes on the shared MongoDB (ShedLock's Mongo lock in the
 * {@value #COLLECTION} collection): at most one holder of a name at a time. The lease is
 * renewed every half {@code oversight.scheduler.lease} while its holder runs, so a
 * process that dies holding it (kill -9) frees it within one lease. For work that has no
 * fire time to claim, such as the start-up catch-up.
 */
@Component
public class Leases implements DisposableBean {

	static final String COLLECTION = "shedlock";

	private final ScheduledExecutorService renewals;

	private final KeepAliveLockProvider provider;

	private final Duration lease;

	Leases(MongoTemplate mongo, SchedulerProperties properties) {
		this.renewals = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "oversight-lease-renewal");
			thread.setDaemon(true);
			return thread;
		});
		this.provider = new KeepAliveLockProvider(new MongoLockProvider(mongo.getCollection(COLLECTION)),
				this.renewals);
		this.lease = properties.lease();
	}

	/** A held lease; closing it releases it. */
	public interface Lease extends AutoCloseable {

		@Override
		void close();

	}

	/** Takes the lease {@code name}, or answers empty when another holder has it. */
	public Optional<Lease> acquire(String name) {
		Optional<SimpleLock> lock = this.provider
			.lock(new LockConfiguration(Instant.now(), name, this.lease, Duration.ZERO));
		return lock.map((held) -> held::unlock);
	}

	@Override
	public void destroy() {
		this.renewals.shutdownNow();
	}

}
