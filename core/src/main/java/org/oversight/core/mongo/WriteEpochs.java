package org.oversight.core.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bson.BsonValue;
import org.bson.Document;

/**
 * Which of the watched collections were written since a result was computed, in this
 * process and in every other one on the same database. Results kept between requests
 * ({@link KeptResults}) carry the {@link Stamp} read before they were computed, and are
 * used again only while the stamp is unchanged.
 * <p>
 * Every write command this process's client completes (insert, update, delete,
 * findAndModify, whatever code sent it: a service, an import, a job) increments this
 * process's counter of the collection at once, and then, for the collections watched,
 * from a thread of its own, the collection's epoch in {@value #COLLECTION}, which the
 * other processes read. A write is counted when it is answered, failed ones included
 * (part of a bulk write may have been applied), so a result stamped before it is never
 * taken for one computed after it. What this cannot see: writes by other tools, and, for
 * the few milliseconds until the epoch is written, or forever if the writing process dies
 * in between, another process's write; results are therefore also kept for a limited time
 * only.
 */
public final class WriteEpochs implements CommandListener {

	public static final String COLLECTION = "write_epochs";

	private static final Log logger = LogFactory.getLog(WriteEpochs.class);

	private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify", "findandmodify",
			"drop");

	/** Marks a command that may have written any collection. */
	private static final String EVERY = "\u0000every";

	private final Set<String> watched = ConcurrentHashMap.newKeySet();

	private final Map<String, AtomicLong> local = new ConcurrentHashMap<>();

	private final Map<Integer, String> started = new ConcurrentHashMap<>();

	private final Set<String> unpublished = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean publishing = new AtomicBoolean();

	private final ExecutorService publisher = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "write-epochs");
		thread.setDaemon(true);
		return thread;
	});

	private volatile Supplier<MongoCollection<Document>> source;

	private volatile MongoCollection<Document> epochs;

	/**
	 * The collection of shared epochs, read when first needed (after the client exists).
	 */
	public void connect(Supplier<MongoCollection<Document>> source) {
		this.source = source;
	}

	/** Shares the epochs of these collections with the other processes from now on. */
	public void watch(Collection<String> collections) {
		this.watched.addAll(collections);
	}

	private MongoCollection<Document> epochs() {
		MongoCollection<Document> collection = this.epochs;
		if (collection == null && this.source != null) {
			collection = this.source.get();
			this.epochs = collection;
		}
		return collection;
	}

	/**
	 * The current stamp of the given watched collections: this process's counters, then
	 * the shared epochs (one read by {@code _id}). Read it before computing what it is to
	 * stamp.
	 */
	public Stamp stamp(Collection<String> collections) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String collection : collections) {
			if (!this.watched.contains(collection)) {
				throw new IllegalArgumentException(collection + " is not watched");
			}
			counts.put(collection, count(collection).get());
		}
		Map<String, Long> shared = new LinkedHashMap<>();
		MongoCollection<Document> epochs = epochs();
		if (epochs != null) {
			for (Document epoch : epochs.find(Filters.in("_id", List.copyOf(counts.keySet())))) {
				Object value = epoch.get("n");
				shared.put(String.valueOf(epoch.get("_id")), (value instanceof Number n) ? n.longValue() : 0L);
			}
		}
		return new Stamp(Map.copyOf(counts), Map.copyOf(shared));
	}

	/**
	 * Counts a write of the collections as if this process's client had sent it (for
	 * writes made without the client, e.g. the embedded server loaded around it).
	 */
	public void written(Collection<String> collections) {
		Set<String> changed = new LinkedHashSet<>();
		for (String collection : collections) {
			count(collection).incrementAndGet();
			if (this.watched.contains(collection)) {
				changed.add(collection);
			}
		}
		publish(changed);
	}

	/**
	 * Counts a write of every watched collection: after derived data they are read
	 * through (lookup lists) was rebuilt, or data was loaded around the client.
	 */
	public void writtenAll() {
		written(List.copyOf(this.watched));
	}

	private AtomicLong count(String collection) {
		return this.local.computeIfAbsent(collection, (name) -> new AtomicLong());
	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		// a dropped database, or a client-level bulk write (MongoDB 8), may write any
		if (event.getCommandName().equals("dropDatabase") || event.getCommandName().equals("bulkWrite")) {
			this.started.put(event.getRequestId(), EVERY);
			return;
		}
		if (!WRITES.contains(event.getCommandName())) {
			return;
		}
		BsonValue target = event.getCommand().get(event.getCommandName());
		if (target != null && target.isString() && !target.asString().getValue().equals(COLLECTION)) {
			this.started.put(event.getRequestId(), target.asString().getValue());
		}
	}

	@Override
	public void commandSucceeded(CommandSucceededEvent event) {
		answered(event.getRequestId());
	}

	@Override
	public void commandFailed(CommandFailedEvent event) {
		answered(event.getRequestId());
	}

	private void answered(int requestId) {
		String collection = this.started.remove(requestId);
		if (EVERY.equals(collection)) {
			this.watched.forEach(this::count);
			this.local.values().forEach(AtomicLong::incrementAndGet);
			publish(Set.copyOf(this.watched));
		}
		else if (collection != null) {
			written(List.of(collection));
		}
	}

	/** Increments the shared epochs from the publisher's thread, many writes at once. */
	private void publish(Set<String> collections) {
		if (collections.isEmpty() || this.source == null) {
			return;
		}
		this.unpublished.addAll(collections);
		if (this.publishing.compareAndSet(false, true)) {
			this.publisher.execute(this::drain);
		}
	}

	private void drain() {
		try {
			while (!this.unpublished.isEmpty()) {
				List<String> batch = new ArrayList<>(this.unpublished);
				this.unpublished.removeAll(batch);
				List<UpdateOneModel<Document>> increments = batch.stream()
					.map((collection) -> new UpdateOneModel<Document>(Filters.eq("_id", collection),
							Updates.inc("n", 1L), new UpdateOptions().upsert(true)))
					.toList();
				try {
					epochs().bulkWrite(increments, new BulkWriteOptions().ordered(false));
				}
				catch (RuntimeException ex) {
					logger.warn("Could not publish the write epochs of " + batch + "; other processes keep "
							+ "their results until they expire", ex);
				}
			}
		}
		finally {
			this.publishing.set(false);
			if (!this.unpublished.isEmpty() && this.publishing.compareAndSet(false, true)) {
				this.publisher.execute(this::drain);
			}
		}
	}

	/**
	 * Waits until the epochs of the writes counted so far are published (tests,
	 * shutdown).
	 */
	public void flush() {
		try {
			this.publisher.submit(() -> {
			}).get(30, TimeUnit.SECONDS);
			while (this.publishing.get() || !this.unpublished.isEmpty()) {
				Thread.sleep(5);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException("write epochs not published", ex);
		}
	}

	public void shutdown() {
		this.publisher.shutdown();
	}

	/**
	 * What a result was computed after: this process's counts of writes and the shared
	 * epochs of the collections it depends on.
	 */
	public record Stamp(Map<String, Long> local, Map<String, Long> shared) {
	}

}
