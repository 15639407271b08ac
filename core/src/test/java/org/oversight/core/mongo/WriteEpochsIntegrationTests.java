package org.oversight.core.mongo;

import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.oversight.core.test.MongoIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every write the server's client completes changes the stamp of its collection at once
 * in this process, and, once published, in another process on the same database.
 */
@MongoIntegrationTest
class WriteEpochsIntegrationTests {

	@Autowired
	WriteEpochs epochs;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MongoConnectionDetails connection;

	@Test
	void everyKindOfWriteChangesTheStampOfItsCollectionOnly() {
		this.epochs.watch(List.of("epoch_probe", "epoch_other"));
		MongoCollection<Document> probe = this.mongo.getCollection("epoch_probe");
		List<Runnable> writes = List.of(() -> probe.insertOne(new Document("_id", 1)),
				() -> probe.updateOne(Filters.eq("_id", 1), Updates.set("n", 2)),
				() -> probe.findOneAndUpdate(Filters.eq("_id", 1), Updates.inc("n", 1)),
				() -> probe.bulkWrite(List.of(new InsertOneModel<>(new Document("_id", 2)))),
				() -> this.mongo.updateFirst(
						org.springframework.data.mongodb.core.query.Query
							.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(2)),
						org.springframework.data.mongodb.core.query.Update.update("n", 3), "epoch_probe"),
				() -> probe.deleteOne(Filters.eq("_id", 2)));
		for (Runnable write : writes) {
			WriteEpochs.Stamp before = this.epochs.stamp(List.of("epoch_probe"));
			WriteEpochs.Stamp other = this.epochs.stamp(List.of("epoch_other"));
			write.run();
			assertThat(this.epochs.stamp(List.of("epoch_probe"))).isNotEqualTo(before);
			assertThat(this.epochs.stamp(List.of("epoch_other"))).isEqualTo(other);
		}
		// a failed write may have written part of a bulk: counted too
		WriteEpochs.Stamp before = this.epochs.stamp(List.of("epoch_probe"));
		assertThatThrownBy(() -> probe.insertOne(new Document("_id", 1)))
			.isInstanceOf(com.mongodb.MongoWriteException.class);
		assertThat(this.epochs.stamp(List.of("epoch_probe"))).isNotEqualTo(before);
		// reads change nothing
		this.epochs.flush();
		WriteEpochs.Stamp read = this.epochs.stamp(List.of("epoch_probe"));
		probe.find().into(new java.util.ArrayList<>());
		assertThat(this.epochs.stamp(List.of("epoch_probe"))).isEqualTo(read);
		assertThatThrownBy(() -> this.epochs.stamp(List.of("never_watched")))
			.isInstanceOf(IllegalArgumentException.class);
	}

	/**
	 * Another process's write is seen here through the shared epoch it publishes; a write
	 * by a tool that publishes nothing is not (the lifetime of kept results bounds it).
	 */
	@Test
	void anotherProcesssWriteIsSeenOnceItIsPublished() {
		this.epochs.watch(List.of("epoch_probe"));
		try (MongoClient other = MongoClients.create(this.connection.getConnectionString())) {
			String database = this.mongo.getDb().getName();
			MongoCollection<Document> theirs = other.getDatabase(database).getCollection("epoch_probe");
			WriteEpochs.Stamp before = this.epochs.stamp(List.of("epoch_probe"));
			theirs.insertOne(new Document("_id", "unseen"));
			assertThat(this.epochs.stamp(List.of("epoch_probe"))).isEqualTo(before);

			WriteEpochs otherProcess = new WriteEpochs();
			otherProcess.connect(() -> other.getDatabase(database).getCollection(WriteEpochs.COLLECTION));
			otherProcess.watch(List.of("epoch_probe"));
			otherProcess.written(List.of("epoch_probe"));
			otherProcess.flush();
			otherProcess.shutdown();
			assertThat(this.epochs.stamp(List.of("epoch_probe"))).isNotEqualTo(before);
		}
	}

	@Test
	void publishedEpochsCountEveryWrite() {
		this.epochs.watch(List.of("epoch_probe"));
		this.epochs.flush();
		long before = shared();
		MongoCollection<Document> probe = this.mongo.getCollection("epoch_probe");
		for (int i = 0; i < 20; i++) {
			probe.insertOne(new Document("_id", "w" + i));
		}
		this.epochs.flush();
		// writes are published many at once: the epoch moved, by at most one per write
		assertThat(shared()).isGreaterThan(before).isLessThanOrEqualTo(before + 20);
	}

	private long shared() {
		Document epoch = this.mongo.getCollection(WriteEpochs.COLLECTION)
			.find(Filters.eq("_id", "epoch_probe"))
			.first();
		return (epoch != null) ? ((Number) epoch.get("n")).longValue() : 0L;
	}

	/**
	 * A tracked thread's commands name every collection they read, those an aggregation
	 * looks up or unions with included; a write, or a command over the whole database,
	 * makes what was computed not worth keeping; other threads' commands are not counted.
	 */
	@Test
	void trackedReadsNameEveryCollectionReadAndNoOtherThreads() throws Exception {
		for (String name : List.of("read_a", "read_b", "read_c", "read_d", "read_e", "read_f")) {
			this.mongo.getCollection(name)
				.insertMany(List.of(new Document("k", 1), new Document("k", 2), new Document("k", 3)));
		}
		WriteEpochs.Reads reads = this.epochs.track();
		try {
			this.mongo.getCollection("read_a").find(Filters.eq("k", 1)).first();
			this.mongo.getCollection("read_b")
				.aggregate(List.of(new Document("$lookup",
						new Document("from", "read_c").append("localField", "k")
							.append("foreignField", "k")
							.append("as", "c"))))
				.into(new java.util.ArrayList<>());
			try {
				this.mongo.getCollection("read_b")
					.aggregate(List.of(new Document("$unionWith", new Document("coll", "read_d"))))
					.into(new java.util.ArrayList<>());
			}
			catch (RuntimeException ex) {
				// the embedded server does not know $unionWith; the command was sent all
				// the same
			}
			this.mongo.getCollection("read_e").countDocuments();
			// three batches of one: a find, then getMores
			this.mongo.getCollection("read_f").find().batchSize(1).into(new java.util.ArrayList<>());
			Thread other = new Thread(() -> this.mongo.getCollection("read_other").find().first());
			other.start();
			other.join();
			assertThat(reads.collections()).containsExactlyInAnyOrder("read_a", "read_b", "read_c", "read_d", "read_e",
					"read_f");
			assertThat(reads.complete()).isTrue();
			this.mongo.getCollection("read_a").insertOne(new Document("k", 4));
			assertThat(reads.wrote()).isTrue();
			assertThat(reads.complete()).isFalse();
		}
		finally {
			reads.close();
		}
		this.mongo.getCollection("read_other").find().first();
		assertThat(reads.collections()).doesNotContain("read_other");

		WriteEpochs.Reads overTheDatabase = this.epochs.track();
		try {
			this.mongo.getDb()
				.aggregate(List.of(new Document("$currentOp", new Document())))
				.into(new java.util.ArrayList<>());
		}
		catch (RuntimeException ex) {
			// an embedded server may not know it; sent all the same
		}
		finally {
			assertThat(overTheDatabase.complete()).isFalse();
			overTheDatabase.close();
		}
	}

	/**
	 * Results kept by the services and used while tracked count as reads of their
	 * collections; their stamps are taken from the stamp of everything the tracking began
	 * with, not read again, and a write since makes them differ from one read now.
	 */
	@Test
	void keptResultsUsedWhileTrackedCountAsReads() {
		this.epochs.watch(List.of("kept_source"));
		this.epochs.flush();
		KeptResults<String, Integer> kept = new KeptResults<>(this.epochs, List.of("kept_source"), 10,
				java.time.Duration.ofMinutes(1));
		WriteEpochs.Stamp all = this.epochs.stampAll();
		java.util.concurrent.atomic.AtomicInteger computed = new java.util.concurrent.atomic.AtomicInteger();
		WriteEpochs.Reads reads = this.epochs.track(all);
		try {
			assertThat(kept.get("k", computed::incrementAndGet)).isEqualTo(1);
			assertThat(kept.get("k", computed::incrementAndGet)).isEqualTo(1);
		}
		finally {
			reads.close();
		}
		assertThat(reads.collections()).containsExactly("kept_source");
		assertThat(reads.keptSince()).as("the kept result used dates what is computed from it")
			.isLessThan(Long.MAX_VALUE);
		assertThat(this.epochs.stamp(List.of("kept_source"))).isEqualTo(all.of(List.of("kept_source", "*")));
		assertThat(kept.get("k", computed::incrementAndGet)).isEqualTo(1);

		this.mongo.getCollection("kept_source").insertOne(new Document("k", 1));
		assertThat(all.sameFor(this.epochs.stampAll(), List.of("kept_source"))).isFalse();
		assertThat(all.sameFor(this.epochs.stampAll(), List.of("read_nothing"))).isTrue();
		assertThat(kept.get("k", computed::incrementAndGet)).isEqualTo(2);
		this.epochs.writtenAll();
		assertThat(all.sameFor(this.epochs.stampAll(), List.of("read_nothing"))).isFalse();
	}

	/**
	 * The lookup lists' parts have epochs of their own: a write to one part leaves what
	 * was read from another current, unless the write's part cannot be told.
	 */
	@Test
	void aWriteToOnePartOfTheLookupListsLeavesTheOthersCurrent() {
		MongoCollection<Document> lists = this.mongo.getCollection("lookup_lists");
		lists.insertMany(List.of(new Document("_id", "part_a:1"), new Document("_id", "part_b:1"),
				new Document("_id", "part_b:2")));
		WriteEpochs.Reads reads = this.epochs.track();
		List<String> ofB;
		List<String> whole;
		try {
			lists.find(Filters.in("_id", List.of("part_b:1", "part_b:2"))).into(new java.util.ArrayList<>());
			ofB = List.copyOf(reads.collections());
		}
		finally {
			reads.close();
		}
		WriteEpochs.Reads all = this.epochs.track();
		try {
			lists.find(Filters.exists("ids")).into(new java.util.ArrayList<>());
			whole = List.copyOf(all.collections());
		}
		finally {
			all.close();
		}
		assertThat(ofB).containsExactlyInAnyOrder("lookup_lists:part_b", "lookup_lists:?");
		assertThat(whole).containsExactly("lookup_lists");

		WriteEpochs.Stamp before = this.epochs.stampAll();
		lists.updateOne(Filters.eq("_id", "part_a:1"), Updates.addToSet("ids", "x"));
		WriteEpochs.Stamp afterA = this.epochs.stampAll();
		assertThat(before.sameFor(afterA, ofB)).isTrue();
		assertThat(before.sameFor(afterA, whole)).isFalse();
		lists.updateOne(Filters.eq("_id", "part_b:2"), Updates.addToSet("ids", "x"));
		assertThat(afterA.sameFor(this.epochs.stampAll(), ofB)).isFalse();

		WriteEpochs.Stamp beforeUnknown = this.epochs.stampAll();
		lists.updateMany(Filters.exists("ids"), Updates.set("checked", true));
		assertThat(beforeUnknown.sameFor(this.epochs.stampAll(), ofB)).isFalse();
	}

	/**
	 * Writes whose target is not the command's first value count as writes of everything:
	 * an aggregation into a collection, a renamed collection.
	 */
	@Test
	void writesIntoAnotherCollectionCountAsEverything() {
		this.mongo.getCollection("out_source").insertOne(new Document("k", 1));
		WriteEpochs.Stamp before = this.epochs.stampAll();
		try {
			this.mongo.getCollection("out_source")
				.aggregate(List.of(new Document("$out", "out_target")))
				.toCollection();
		}
		catch (RuntimeException ex) {
			// the embedded server may not know $out; the command was sent all the same
		}
		assertThat(before.sameFor(this.epochs.stampAll(), List.of("never_written"))).isFalse();
		WriteEpochs.Stamp renamed = this.epochs.stampAll();
		try {
			this.mongo.getCollection("out_source")
				.renameCollection(new com.mongodb.MongoNamespace(this.mongo.getDb().getName(), "out_renamed"));
		}
		catch (RuntimeException ex) {
			// likewise
		}
		assertThat(renamed.sameFor(this.epochs.stampAll(), List.of("never_written"))).isFalse();
	}

}
