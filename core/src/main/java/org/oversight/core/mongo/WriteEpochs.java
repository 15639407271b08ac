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

	/**
	 * The epoch of everything: counted by a write that may have changed any collection (a
	 * dropped database, a client-level bulk write, a rebuild of derived data), and part
	 * of every stamp.
	 */
	public static final String EVERYTHING = "*";

	/**
	 * Commands that may write any collection, or one not named first: a dropped database,
	 * a client-level bulk write (MongoDB 8), a renamed collection, a map-reduce.
	 */
	private static final Set<String> ANY_WRITES = Set.of("dropDatabase", "bulkWrite", "renameCollection", "mapReduce",
			"mapreduce");

	/** Commands that read no collection's documents (nor write any). */
	private static final Set<String> NEUTRAL = Set.of("killCursors", "endSessions", "ping", "hello", "isMaster",
			"ismaster", "buildInfo", "buildinfo", "saslStart", "saslContinue");

	private static final ThreadLocal<Reads> TRACKED = new ThreadLocal<>();

	private final Set<String> watched = ConcurrentHashMap.newKeySet();

	private final Map<String, AtomicLong> local = new ConcurrentHashMap<>();

	private final Map<Integer, List<String>> started = new ConcurrentHashMap<>();

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
		counts.put(EVERYTHING, count(EVERYTHING).get());
		Reads reads = TRACKED.get();
		if (reads != null && !reads.closed) {
			// what is answered with this stamp depends on these, read or not
			reads.read(collections);
			if (reads.stamp != null) {
				// the stamp of everything read before the tracked computation began
				return reads.stamp.of(counts.keySet());
			}
		}
		return new Stamp(Map.copyOf(counts), shared(Filters.in("_id", List.copyOf(counts.keySet()))));
	}

	/**
	 * The stamp of every collection: this process's counters of all it has written, and
	 * every shared epoch (one read of the few documents of {@value #COLLECTION}). Compare
	 * two with {@link Stamp#sameFor}.
	 */
	public Stamp stampAll() {
		Map<String, Long> counts = new LinkedHashMap<>();
		count(EVERYTHING);
		this.local.forEach((collection, count) -> counts.put(collection, count.get()));
		return new Stamp(Map.copyOf(counts), shared(new Document()));
	}

	private Map<String, Long> shared(org.bson.conversions.Bson filter) {
		Map<String, Long> shared = new LinkedHashMap<>();
		MongoCollection<Document> epochs = epochs();
		if (epochs != null) {
			for (Document epoch : epochs.find(filter)) {
				// a value never given before (n counts the writes, and may come back
				// after
				// a restore)
				Object value = epoch.containsKey("e") ? epoch.get("e") : epoch.get("n");
				shared.put(String.valueOf(epoch.get("_id")), (value instanceof Number n) ? n.longValue() : 0L);
			}
		}
		return Map.copyOf(shared);
	}

	/**
	 * Tells what this thread computes, if tracked, that it uses a kept result computed at
	 * {@code nanoTime}: what it computes is that old as well.
	 */
	static void usedKeptFrom(long nanoTime) {
		Reads reads = TRACKED.get();
		if (reads != null && !reads.closed && nanoTime < reads.keptSince) {
			reads.keptSince = nanoTime;
		}
	}

	/**
	 * Records, until closed, which collections the commands sent from this thread read,
	 * and whether any wrote, so that a result computed on this thread can be kept with
	 * the stamp of exactly what it was computed from. Results kept by {@link KeptResults}
	 * and used meanwhile count as reads of their collections.
	 */
	public Reads track() {
		return track(null);
	}

	/**
	 * {@link #track()}, for a computation that began after the stamp of everything was
	 * read: the stamps of {@link KeptResults} used meanwhile are taken from it, not read
	 * again (older than a stamp read now, so never taken for a later one).
	 */
	public Reads track(Stamp all) {
		Reads reads = new Reads(Thread.currentThread(), all);
		TRACKED.set(reads);
		return reads;
	}

	/**
	 * Counts a write of the collections as if this process's client had sent it (for
	 * writes made without the client, e.g. the embedded server loaded around it).
	 */
	public void written(Collection<String> collections) {
		Set<String> changed = new LinkedHashSet<>();
		for (String collection : collections) {
			count(collection).incrementAndGet();
			changed.add(collection);
			if (Partitions.PARTITIONED.contains(collection)
					&& collections.stream().noneMatch((name) -> name.startsWith(collection + ":"))) {
				// written as a whole: which part, nobody said
				count(collection + ":" + Partitions.UNKNOWN).incrementAndGet();
				changed.add(collection + ":" + Partitions.UNKNOWN);
			}
		}
		publish(changed);
	}

	/**
	 * Counts a write of every watched collection: after derived data they are read
	 * through (lookup lists) was rebuilt, or data was loaded around the client.
	 */
	public void writtenAll() {
		List<String> all = new ArrayList<>(this.watched);
		all.add(EVERYTHING);
		written(all);
	}

	private AtomicLong count(String collection) {
		return this.local.computeIfAbsent(collection, (name) -> new AtomicLong());
	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		Reads reads = TRACKED.get();
		if (reads != null) {
			reads.sent(event.getCommandName(), event.getCommand());
		}
		// a dropped database, or a client-level bulk write (MongoDB 8), may write any
		if (ANY_WRITES.contains(event.getCommandName())
				|| (event.getCommandName().equals("aggregate") && writesOut(event.getCommand().get("pipeline")))) {
			this.started.put(event.getRequestId(), List.of(EVERY));
			return;
		}
		if (!WRITES.contains(event.getCommandName())) {
			return;
		}
		BsonValue target = event.getCommand().get(event.getCommandName());
		if (target != null && target.isString() && !target.asString().getValue().equals(COLLECTION)) {
			this.started.put(event.getRequestId(),
					Partitions.written(target.asString().getValue(), event.getCommandName(), event.getCommand()));
		}
	}

	/** Whether an aggregation pipeline ends in {@code $out} or {@code $merge}. */
	private static boolean writesOut(BsonValue pipeline) {
		if (pipeline == null || !pipeline.isArray()) {
			return false;
		}
		for (BsonValue stage : pipeline.asArray()) {
			if (stage.isDocument()
					&& (stage.asDocument().containsKey("$out") || stage.asDocument().containsKey("$merge"))) {
				return true;
			}
		}
		return false;
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
		List<String> collections = this.started.remove(requestId);
		if (collections != null && collections.contains(EVERY)) {
			this.watched.forEach(this::count);
			count(EVERYTHING);
			this.local.values().forEach(AtomicLong::incrementAndGet);
			publish(Set.copyOf(this.local.keySet()));
		}
		else if (collections != null) {
			written(collections);
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
							Updates.combine(Updates.inc("n", 1L),
									Updates.set("e", java.util.concurrent.ThreadLocalRandom.current().nextLong())),
							new UpdateOptions().upsert(true)))
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

		/**
		 * Whether no write to these collections (nor to everything) came between the two
		 * stamps.
		 */
		public boolean sameFor(Stamp other, Collection<String> collections) {
			if (!same(other, EVERYTHING)) {
				return false;
			}
			for (String collection : collections) {
				if (!same(other, collection)) {
					return false;
				}
			}
			return true;
		}

		/** This stamp of some collections only, as {@link WriteEpochs#stamp} reads it. */
		Stamp of(Collection<String> collections) {
			Map<String, Long> counts = new LinkedHashMap<>();
			Map<String, Long> epochs = new LinkedHashMap<>();
			for (String collection : collections) {
				counts.put(collection, this.local.getOrDefault(collection, 0L));
				if (this.shared.containsKey(collection)) {
					epochs.put(collection, this.shared.get(collection));
				}
			}
			return new Stamp(Map.copyOf(counts), Map.copyOf(epochs));
		}

		private boolean same(Stamp other, String collection) {
			return this.local.getOrDefault(collection, 0L).equals(other.local.getOrDefault(collection, 0L))
					&& this.shared.getOrDefault(collection, 0L).equals(other.shared.getOrDefault(collection, 0L));
		}

	}

	/**
	 * What the commands sent from one thread read while it was tracked ({@link #track}):
	 * the collections, whether any command wrote, and whether any could not be told apart
	 * (a command this does not know, an aggregation over the database). Closed when the
	 * result is computed; a result is worth keeping only when {@link #complete()}.
	 */
	public static final class Reads implements AutoCloseable {

		private final Thread thread;

		private final Set<String> collections = ConcurrentHashMap.newKeySet();

		private volatile boolean wrote;

		private volatile boolean unknown;

		private final Stamp stamp;

		private volatile boolean closed;

		private volatile long keptSince = Long.MAX_VALUE;

		Reads(Thread thread, Stamp stamp) {
			this.thread = thread;
			this.stamp = stamp;
		}

		void read(Collection<String> names) {
			if (!this.closed) {
				this.collections.addAll(names);
			}
		}

		void sent(String command, org.bson.BsonDocument body) {
			if (this.closed) {
				return;
			}
			if (WRITES.contains(command) || command.equals("dropDatabase") || command.equals("bulkWrite")
					|| command.equals("create") || command.equals("createIndexes") || command.equals("dropIndexes")) {
				this.wrote = true;
				return;
			}
			if (NEUTRAL.contains(command)) {
				return;
			}
			BsonValue target = command.equals("getMore") ? body.get("collection") : body.get(command);
			if (target == null || !target.isString()) {
				// a command over the whole database, or one not known here
				this.unknown = true;
				return;
			}
			if (!target.asString().getValue().equals(COLLECTION)) {
				this.collections.addAll(Partitions.read(target.asString().getValue(), command, body));
			}
			if (command.equals("aggregate")) {
				pipelineReads(body.get("pipeline"));
			}
		}

		/** Collections an aggregation reads besides its own, and whether it writes. */
		private void pipelineReads(BsonValue value) {
			if (value == null) {
				return;
			}
			if (value.isArray()) {
				value.asArray().forEach(this::pipelineReads);
			}
			else if (value.isDocument()) {
				value.asDocument().forEach((key, inner) -> {
					switch (key) {
						case "$out", "$merge" -> this.wrote = true;
						case "$lookup", "$graphLookup" -> {
							if (inner.isDocument() && inner.asDocument().isString("from")) {
								this.collections.add(inner.asDocument().getString("from").getValue());
							}
						}
						case "$unionWith" -> {
							if (inner.isString()) {
								this.collections.add(inner.asString().getValue());
							}
							else if (inner.isDocument() && inner.asDocument().isString("coll")) {
								this.collections.add(inner.asDocument().getString("coll").getValue());
							}
						}
						default -> {
						}
					}
					pipelineReads(inner);
				});
			}
		}

		/**
		 * When the oldest kept result used was computed ({@link System#nanoTime()}), or
		 * {@link Long#MAX_VALUE} when none was: what is computed from it is no younger.
		 */
		public long keptSince() {
			return this.keptSince;
		}

		/** The collections read so far. */
		public Set<String> collections() {
			return Set.copyOf(this.collections);
		}

		public boolean wrote() {
			return this.wrote;
		}

		/**
		 * Read only by known commands, wrote nothing, and asked on the thread it tracks.
		 */
		public boolean complete() {
			return !this.wrote && !this.unknown && Thread.currentThread() == this.thread;
		}

		/** Something ran for this result where its reads could not be seen. */
		public void unseen() {
			this.unknown = true;
		}

		/** Whether this is asked on the thread it tracks. */
		public boolean onItsThread() {
			return Thread.currentThread() == this.thread;
		}

		/** Stops tracking; on its thread, that thread is tracked no more. */
		@Override
		public void close() {
			this.closed = true;
			if (Thread.currentThread() == this.thread && TRACKED.get() == this) {
				TRACKED.remove();
			}
		}

	}

}
