package org.oversight.core.mongo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.oversight.core.common.OversightProperties.EmbeddedBackend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The memory backend's unique indexes keep ids whose stock hashes collide apart, and
 * answer lists of ids with the documents, in the order, of the stock memory backend.
 */
class SpreadUniqueIndexTests {

	/**
	 * Object ids with one timestamp and process part whose last bytes differ so that
	 * {@code Arrays.hashCode} of their bytes is the same for all of them.
	 */
	static List<ObjectId> collidingIds(int count) {
		List<ObjectId> ids = new ArrayList<>();
		byte[] bytes = new byte[12];
		Arrays.fill(bytes, 0, 9, (byte) 0x6b);
		for (int i = 0; i < count; i++) {
			// 31·b10 + b11 stays the same: b10 up by one, b11 down by 31
			bytes[10] = (byte) i;
			bytes[11] = (byte) (100 - 31 * i);
			ids.add(new ObjectId(bytes.clone()));
		}
		return ids;
	}

	@Test
	void idsThatCollideUnderTheStockHashAreSpread() {
		List<ObjectId> ids = collidingIds(4);
		Set<Integer> stock = new HashSet<>();
		Set<Integer> spread = new HashSet<>();
		List<ObjectId> many = new ArrayList<>();
		byte[] bytes = new byte[12];
		Arrays.fill(bytes, 0, 9, (byte) 0x6b);
		for (int b10 = 0; b10 < 64; b10++) {
			for (int b11 = 0; b11 < 64; b11++) {
				bytes[10] = (byte) b10;
				bytes[11] = (byte) b11;
				many.add(new ObjectId(bytes.clone()));
			}
		}
		for (ObjectId id : many) {
			de.bwaldvogel.mongo.bson.ObjectId stored = new de.bwaldvogel.mongo.bson.ObjectId(id.toByteArray());
			stock.add(stored.hashCode());
			spread.add(SpreadUniqueIndex.spread(stored));
		}
		// 4,096 ids: the stock hash folds them onto a few hundred values
		assertThat(stock.size()).isLessThan(many.size() / 2);
		assertThat(spread.size()).isGreaterThan(many.size() - 10);
		assertThat(ids).doesNotHaveDuplicates();
		assertThat(new HashSet<>(
				ids.stream().map((id) -> new de.bwaldvogel.mongo.bson.ObjectId(id.toByteArray()).hashCode()).toList()))
			.hasSize(1);
	}

	@Test
	void collidingIdsStayUniqueAndAreFoundOneByOneAndByList(@TempDir Path dataDir) {
		EmbeddedMongoServer server = EmbeddedMongoServer.start(EmbeddedBackend.MEMORY, dataDir);
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> records = client.getDatabase("oversight").getCollection("records");
			List<ObjectId> ids = collidingIds(4);
			List<Document> documents = new ArrayList<>();
			ids.forEach((id) -> documents.add(new Document("_id", id).append("n", documents.size())));
			records.insertMany(documents);
			assertThatThrownBy(() -> records.insertOne(new Document("_id", ids.get(2))))
				.isInstanceOf(MongoWriteException.class);
			for (int i = 0; i < ids.size(); i++) {
				assertThat(records.find(Filters.eq("_id", ids.get(i))).first().getInteger("n")).isEqualTo(i);
			}
			assertThat(records.find(Filters.in("_id", ids.get(3), ids.get(1), new ObjectId())).into(new ArrayList<>()))
				.extracting((d) -> d.getInteger("n"))
				.containsExactlyInAnyOrder(1, 3);
			records.deleteOne(Filters.eq("_id", ids.get(1)));
			assertThat(records.countDocuments(Filters.in("_id", ids))).isEqualTo(3);
			records.insertOne(new Document("_id", ids.get(1)).append("n", 9));
			assertThat(records.find(Filters.eq("_id", ids.get(1))).first().getInteger("n")).isEqualTo(9);
		}
		finally {
			server.destroy();
		}
	}

	@Test
	void idsOfEveryKindAndCompoundKeysStayApartAndAreFound(@TempDir Path dataDir) {
		EmbeddedMongoServer server = EmbeddedMongoServer.start(EmbeddedBackend.MEMORY, dataDir);
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> records = client.getDatabase("oversight").getCollection("records");
			ObjectId id = new ObjectId("6b00000000000000000000ff");
			// the same hex as an object id and as text, and ids differing in the last
			// byte
			// only or in the first only: four documents
			records.insertOne(new Document("_id", id).append("n", 1));
			records.insertOne(new Document("_id", id.toHexString()).append("n", 2));
			records.insertOne(new Document("_id", new ObjectId("6b00000000000000000000fe")).append("n", 3));
			records.insertOne(new Document("_id", new ObjectId("6c00000000000000000000ff")).append("n", 4));
			assertThat(records.find(Filters.eq("_id", id)).first().getInteger("n")).isEqualTo(1);
			assertThat(records.find(Filters.eq("_id", id.toHexString())).first().getInteger("n")).isEqualTo(2);
			assertThat(records.find(Filters.in("_id", id, new ObjectId("6c00000000000000000000ff")))
				.into(new ArrayList<>())).extracting((d) -> d.getInteger("n")).containsExactlyInAnyOrder(1, 4);
			// two ids whose spread hashes are equal are still two keys
			List<ObjectId> sameHash = spreadCollision();
			records.insertOne(new Document("_id", sameHash.get(0)).append("n", 6));
			records.insertOne(new Document("_id", sameHash.get(1)).append("n", 7));
			assertThat(records.find(Filters.eq("_id", sameHash.get(1))).first().getInteger("n")).isEqualTo(7);
			assertThat(records.find(Filters.in("_id", sameHash)).into(new ArrayList<>()))
				.extracting((d) -> d.getInteger("n"))
				.containsExactlyInAnyOrder(6, 7);
			assertThatThrownBy(() -> records.insertOne(new Document("_id", new ObjectId(id.toByteArray()))))
				.isInstanceOf(MongoWriteException.class);
			records.replaceOne(Filters.eq("_id", id), new Document("n", 5));
			assertThat(records.find(Filters.eq("_id", id)).first().getInteger("n")).isEqualTo(5);

			// a unique key of two fields, one of them an object id
			MongoCollection<Document> pairs = client.getDatabase("oversight").getCollection("pairs");
			pairs.createIndex(new Document("owner", 1).append("name", 1),
					new com.mongodb.client.model.IndexOptions().unique(true));
			pairs.insertOne(new Document("owner", id).append("name", "a"));
			pairs.insertOne(new Document("owner", id).append("name", "b"));
			pairs.insertOne(new Document("owner", id.toHexString()).append("name", "a"));
			assertThatThrownBy(() -> pairs.insertOne(new Document("owner", id).append("name", "a")))
				.isInstanceOf(MongoWriteException.class);
			pairs.deleteOne(Filters.and(Filters.eq("owner", id), Filters.eq("name", "a")));
			pairs.insertOne(new Document("owner", id).append("name", "a"));
			assertThat(pairs.countDocuments()).isEqualTo(3);
		}
		finally {
			server.destroy();
		}
	}

	/** Two object ids, alike but for their last four bytes, with the same spread hash. */
	private static List<ObjectId> spreadCollision() {
		java.util.Map<Integer, byte[]> seen = new java.util.HashMap<>();
		byte[] bytes = new byte[12];
		Arrays.fill(bytes, 0, 8, (byte) 0x6b);
		for (int low = 0;; low++) {
			bytes[8] = (byte) (low >>> 24);
			bytes[9] = (byte) (low >>> 16);
			bytes[10] = (byte) (low >>> 8);
			bytes[11] = (byte) low;
			int hash = SpreadUniqueIndex.spread(new de.bwaldvogel.mongo.bson.ObjectId(bytes.clone()));
			byte[] earlier = seen.putIfAbsent(hash, bytes.clone());
			if (earlier != null) {
				return List.of(new ObjectId(earlier), new ObjectId(bytes.clone()));
			}
		}
	}

	@Test
	void listsOfIdsComeInTheStockOrder(@TempDir Path dataDir) {
		List<Object> stored = new ArrayList<>(List.of("k", "b", "z", "a", "m"));
		stored.addAll(collidingIds(4));
		stored.add(new ObjectId("6b0000000000000000000001"));
		stored.add(7);
		List<Bson> filters = List.of(Filters.in("_id", "z", "a", "m", "q"),
				Filters.in("_id", stored.get(8), stored.get(5), stored.get(9)),
				Filters.in("_id", "b", stored.get(6), 7, "a"), Filters.in("_id", "m", "m", "k"));
		MongoServer stock = new MongoServer(new MemoryBackend());
		stock.bind();
		List<List<String>> expected;
		try (MongoClient client = MongoClients
			.create("mongodb://127.0.0.1:" + stock.getLocalAddress().getPort() + "/oversight")) {
			expected = answers(client, stored, filters);
		}
		finally {
			stock.shutdownNow();
		}
		assertThat(expected.get(0)).containsExactly("a", "m", "z");
		EmbeddedMongoServer server = EmbeddedMongoServer.start(EmbeddedBackend.MEMORY, dataDir);
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			assertThat(answers(client, stored, filters)).isEqualTo(expected);
		}
		finally {
			server.destroy();
		}
	}

	private static List<List<String>> answers(MongoClient client, List<Object> stored, List<Bson> filters) {
		MongoCollection<Document> records = client.getDatabase("oversight").getCollection("records");
		stored.forEach((id) -> records.insertOne(new Document("_id", id)));
		List<List<String>> answers = new ArrayList<>();
		for (Bson filter : filters) {
			answers.add(records.find(filter).map((d) -> String.valueOf(d.get("_id"))).into(new ArrayList<>()));
		}
		return answers;
	}

}
