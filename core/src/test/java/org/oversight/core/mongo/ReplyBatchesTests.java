package org.oversight.core.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.types.ObjectId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.oversight.core.common.OversightProperties.EmbeddedBackend;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server's replies stay under MongoDB's batch limit, so reads of any size
 * arrive (the driver refuses a reply over 48 MB).
 */
class ReplyBatchesTests {

	/** 60 documents of 1 MB: 60 MB, over the driver's 48 MB for one reply. */
	private static final int COUNT = 60;

	private static final String MEGABYTE = "政".repeat(1024 * 1024 / 3);

	@Test
	void aDocumentsSizeIsItsBsonSizeWithTwoBytesMoreForEachAsciiCharacter() {
		ObjectId id = new ObjectId();
		Instant at = Instant.parse("2026-11-22T10:00:00Z");
		Document driver = new Document("_id", id).append("name", "柳宁区委 X01")
			.append("n", 7)
			.append("big", 1L << 40)
			.append("score", 81.5)
			.append("open", true)
			.append("none", null)
			.append("at", Date.from(at))
			.append("path", List.of("a", "bb", "ccc", "d", "e", "f", "g", "h", "i", "j", "k", "l"))
			.append("nested", new Document("code", "X01").append("rows", List.of(new Document("v", 1))));
		de.bwaldvogel.mongo.bson.Document server = new de.bwaldvogel.mongo.bson.Document();
		server.put("_id", new de.bwaldvogel.mongo.bson.ObjectId(id.toByteArray()));
		server.put("name", "柳宁区委 X01");
		server.put("n", 7);
		server.put("big", 1L << 40);
		server.put("score", 81.5);
		server.put("open", true);
		server.put("none", null);
		server.put("at", at);
		server.put("path", List.of("a", "bb", "ccc", "d", "e", "f", "g", "h", "i", "j", "k", "l"));
		de.bwaldvogel.mongo.bson.Document nested = new de.bwaldvogel.mongo.bson.Document("code", "X01");
		nested.put("rows", List.of(new de.bwaldvogel.mongo.bson.Document("v", 1)));
		server.put("nested", nested);
		long bson = new RawBsonDocument(driver, new org.bson.codecs.DocumentCodec()).getByteBuffer().remaining();
		// strings are counted at three bytes a character, what a Chinese character takes
		assertThat(ReplyBatches.size(server)).isEqualTo(bson + 2 * ascii(driver));
	}

	/** The ASCII characters of the keys and strings of a value. */
	private static long ascii(Object value) {
		if (value instanceof Map<?, ?> map) {
			return map.entrySet().stream().mapToLong((e) -> ascii(e.getKey()) + ascii(e.getValue())).sum();
		}
		if (value instanceof List<?> list) {
			return list.stream().mapToLong(ReplyBatchesTests::ascii).sum();
		}
		return (value instanceof String text) ? text.chars().filter((c) -> c < 0x80).count() : 0;
	}

	@Test
	void aBatchOverTheLimitKeepsWhatFitsAndTheRestWaitsInACursor() {
		CursorRegistry cursors = new CursorRegistry();
		ReplyBatches batches = new ReplyBatches(cursors, 3000, ReplyBatches.IDLE);
		List<de.bwaldvogel.mongo.bson.Document> documents = IntStream.range(0, 10)
			.mapToObj((i) -> new de.bwaldvogel.mongo.bson.Document("s", "x".repeat(300)))
			.toList();
		de.bwaldvogel.mongo.bson.Document cursor = new de.bwaldvogel.mongo.bson.Document("id", 0L);
		cursor.put("ns", "oversight.things");
		cursor.put("firstBatch", new ArrayList<>(documents));
		batches.cap(new de.bwaldvogel.mongo.bson.Document("cursor", cursor), 0);

		// each document is counted 5 + (2 + 3) + (5 + 900) = 915 bytes, and 2 + 1 for its
		// index: three fit in 3,000
		assertThat((List<?>) cursor.get("firstBatch")).hasSize(3);
		long id = ((Number) cursor.get("id")).longValue();
		assertThat(id).isNotZero();
		var rest = cursors.getCursor(id);
		assertThat(rest.takeDocuments(2)).hasSize(2);
		assertThat(rest.takeDocuments(0)).hasSize(3);
		assertThat(rest.takeDocuments(0)).hasSize(2);
		assertThat(rest.isEmpty()).isTrue();
	}

	@Test
	void aFewLargeDocumentsAmongManySmallOnesAreCounted() {
		CursorRegistry cursors = new CursorRegistry();
		ReplyBatches batches = new ReplyBatches(cursors, 3_000_000, ReplyBatches.IDLE);
		List<de.bwaldvogel.mongo.bson.Document> documents = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			boolean large = i == 7 || i == 500 || i == 1_333;
			documents.add(new de.bwaldvogel.mongo.bson.Document("s", "x".repeat(large ? 400_000 : 40)));
		}
		de.bwaldvogel.mongo.bson.Document cursor = new de.bwaldvogel.mongo.bson.Document("id", 0L);
		cursor.put("firstBatch", new ArrayList<>(documents));
		batches.cap(new de.bwaldvogel.mongo.bson.Document("cursor", cursor), 0);

		List<?> first = (List<?>) cursor.get("firstBatch");
		// the third large document, at 1,333, is the first that does not fit
		assertThat(first).hasSize(1_333);
		var rest = cursors.getCursor(((Number) cursor.get("id")).longValue());
		assertThat(first.size() + rest.takeDocuments(0).size()).isEqualTo(2_000);
	}

	@Test
	void aSetIsSizedAsTheArrayTheServerWrites() {
		java.util.Set<String> set = new java.util.TreeSet<>(List.of("柳宁", "嘉江", "河陵"));
		long bson = new RawBsonDocument(new Document("s", List.copyOf(set)), new org.bson.codecs.DocumentCodec())
			.getByteBuffer()
			.remaining();
		assertThat(ReplyBatches.size(new de.bwaldvogel.mongo.bson.Document("s", set))).isEqualTo(bson + 2);
	}

	@Test
	void aCursorLeftIdleIsClosed() {
		CursorRegistry cursors = new CursorRegistry();
		ReplyBatches batches = new ReplyBatches(cursors, 1000, java.time.Duration.ZERO);
		long first = cutInTwo(batches);
		assertThat(cursors.getCursor(first)).isNotNull();
		long second = cutInTwo(batches);
		assertThat(cursors.size()).isOne();
		assertThat(cursors.getCursor(second)).isNotNull();
		assertThat(second).isNotEqualTo(first);
	}

	private static long cutInTwo(ReplyBatches batches) {
		de.bwaldvogel.mongo.bson.Document cursor = new de.bwaldvogel.mongo.bson.Document("id", 0L);
		cursor.put("firstBatch", List.of(new de.bwaldvogel.mongo.bson.Document("s", "x".repeat(600)),
				new de.bwaldvogel.mongo.bson.Document("s", "x".repeat(600))));
		batches.cap(new de.bwaldvogel.mongo.bson.Document("cursor", cursor), 0);
		assertThat((List<?>) cursor.get("firstBatch")).hasSize(1);
		return ((Number) cursor.get("id")).longValue();
	}

	@Test
	void theRestOfAReadIsAsItWasRead() {
		EmbeddedMongoServer server = EmbeddedMongoServer.start(EmbeddedBackend.MEMORY, null);
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> things = client.getDatabase("oversight").getCollection("things");
			things.insertMany(IntStream.range(0, 40)
				.mapToObj((n) -> new Document("_id", n).append("n", n)
					.append("text", MEGABYTE)
					.append("part", new Document("tags", List.of("a"))))
				.toList());
			List<Integer> read = new ArrayList<>();
			List<Object> tags = new ArrayList<>();
			try (var cursor = things.find(Filters.lt("n", 100)).sort(Sorts.ascending("n")).iterator()) {
				read.add(cursor.next().getInteger("n"));
				// the first batch is here; the server holds the rest
				things.updateOne(Filters.eq("_id", 35), new Document("$set", new Document("n", 500)));
				things.updateOne(Filters.eq("_id", 36), new Document("$push", new Document("part.tags", "b")));
				cursor.forEachRemaining((document) -> {
					read.add(document.getInteger("n"));
					tags.add(document.get("part", Document.class).get("tags"));
				});
			}
			assertThat(read).isEqualTo(IntStream.range(0, 40).boxed().toList());
			assertThat(tags).containsOnly(List.of("a"));
		}
		finally {
			server.destroy();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "MEMORY", "H2" })
	void readsOverTheDriversLimitArriveWhole(String backend) {
		EmbeddedMongoServer server = (backend.equals("MEMORY"))
				? EmbeddedMongoServer.start(EmbeddedBackend.MEMORY, null) : EmbeddedMongoServer.inMemoryH2();
		List<CommandSucceededEvent> replies = new CopyOnWriteArrayList<>();
		CommandListener listener = new CommandListener() {
			@Override
			public void commandSucceeded(CommandSucceededEvent event) {
				replies.add(event);
			}
		};
		MongoClientSettings settings = MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(server.connectionString()))
			.addCommandListener(listener)
			.build();
		try (MongoClient client = MongoClients.create(settings)) {
			MongoCollection<Document> things = client.getDatabase("oversight").getCollection("things");
			for (int i = 0; i < COUNT; i += 10) {
				int from = i;
				things.insertMany(IntStream.range(from, from + 10)
					.mapToObj((n) -> new Document("_id", n).append("n", n).append("text", MEGABYTE))
					.toList());
			}
			Supplier<List<Integer>> ids = () -> things.find()
				.sort(Sorts.ascending("n"))
				.map((d) -> d.getInteger("n"))
				.into(new ArrayList<>());
			replies.clear();

			assertThat(ids.get()).isEqualTo(IntStream.range(0, COUNT).boxed().toList());
			assertBatchesWithinTheLimit(replies, "find");

			assertThat(things.aggregate(List.of(Aggregates.match(Filters.gte("n", 0)))).into(new ArrayList<>()))
				.hasSize(COUNT);
			assertBatchesWithinTheLimit(replies, "aggregate");

			// the client's batch size is kept, and the limit too
			assertThat(things.find()
				.sort(Sorts.ascending("n"))
				.batchSize(25)
				.map((d) -> d.getInteger("n"))
				.into(new ArrayList<>())).isEqualTo(IntStream.range(0, COUNT).boxed().toList());
			assertThat(
					replies.stream().filter((e) -> e.getCommandName().equals("getMore")).map(ReplyBatchesTests::batch))
				.allSatisfy((batch) -> assertThat(batch.size()).isLessThanOrEqualTo(25));
			assertThat(things.find().sort(Sorts.ascending("n")).limit(40).into(new ArrayList<>())).hasSize(40);
			replies.clear();

			// a small read is one reply, as before
			assertThat(things.find(Filters.lt("n", 5)).into(new ArrayList<>())).hasSize(5);
			assertThat(replies).extracting(CommandSucceededEvent::getCommandName).containsExactly("find");
		}
		finally {
			server.destroy();
		}
	}

	private static void assertBatchesWithinTheLimit(List<CommandSucceededEvent> replies, String command) {
		assertThat(replies).extracting(CommandSucceededEvent::getCommandName).first().isEqualTo(command);
		assertThat(replies).extracting(CommandSucceededEvent::getCommandName).contains("getMore");
		for (CommandSucceededEvent reply : replies) {
			long bytes = new RawBsonDocument(reply.getResponse(), new BsonDocumentCodec()).getByteBuffer().remaining();
			assertThat(bytes).as(reply.getCommandName()).isLessThan(ReplyBatches.MAX_BATCH_BYTES + 16 * 1024);
		}
		replies.clear();
	}

	private static List<?> batch(CommandSucceededEvent event) {
		var cursor = event.getResponse().getDocument("cursor");
		return cursor.containsKey("nextBatch") ? cursor.getArray("nextBatch") : cursor.getArray("firstBatch");
	}

}
