package org.oversight.core.mongo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.oversight.core.common.OversightProperties.EmbeddedBackend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The H2 backend with hash-ordered indexes: finds by key, keeps keys unique, opens files
 * of the stock backend and of an interrupted first build.
 */
class H2StoreBackendTests {

	/** Strings of equal hash codes ("Aa" and "BB" hash alike, and so do their pairs). */
	private static final List<String> COLLIDING = List.of("Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB");

	@Test
	void keysOfEqualHashCodesAreToldApartAndStayUnique(@TempDir Path dataDir) {
		assertThat(COLLIDING.stream().map(String::hashCode).distinct().count()).isEqualTo(2);
		withServer(dataDir, (db) -> {
			var cadres = db.getCollection("cadres");
			cadres.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
			for (String id : COLLIDING) {
				cadres.insertOne(new Document("_id", id).append("code", "c-" + id));
			}
			// as each start of the application does: the index exists and is kept
			cadres.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
			for (String id : COLLIDING) {
				assertThat(cadres.find(Filters.eq("_id", id)).first()).containsEntry("code", "c-" + id);
				assertThat(cadres.find(Filters.eq("code", "c-" + id)).first()).containsEntry("_id", id);
			}
			assertThat(cadres.find(Filters.in("_id", COLLIDING)).into(new ArrayList<>())).hasSize(6);
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> cadres.insertOne(new Document("_id", "AaBB").append("code", "other")));
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> cadres.insertOne(new Document("_id", "new").append("code", "c-BBAa")));
			cadres.deleteOne(Filters.eq("_id", "AaBB"));
			assertThat(cadres.find(Filters.eq("_id", "AaBB")).first()).isNull();
			assertThat(cadres.find(Filters.eq("_id", "BBAa")).first()).isNotNull();
		});
		// and after a restart, from the file
		withServer(dataDir, (db) -> {
			var cadres = db.getCollection("cadres");
			assertThat(cadres.find(Filters.eq("_id", "BBBB")).first()).containsEntry("code", "c-BBBB");
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> cadres.insertOne(new Document("_id", "x").append("code", "c-Aa")));
		});
	}

	@Test
	void objectIdsAndDocumentsOfEqualHashCodesAreToldApart(@TempDir Path dataDir) {
		// Arrays.hashCode of the bytes: (1, 0) and (0, 31) in the last two give the same
		List<ObjectId> ids = List.of(new ObjectId("6b0000000000000000000100"), new ObjectId("6b000000000000000000001f"),
				new ObjectId("6b0000000000000000000200"), new ObjectId("6b000000000000000000011f"));
		assertThat(ids.stream().map((id) -> java.util.Arrays.hashCode(id.toByteArray())).distinct().count())
			.isEqualTo(2);
		List<Document> keys = COLLIDING.stream()
			.map((id) -> new Document("source", "talks").append("key", id))
			.toList();
		withServer(dataDir, (db) -> {
			for (ObjectId id : ids) {
				db.getCollection("findings").insertOne(new Document("_id", id).append("hex", id.toHexString()));
			}
			for (Document key : keys) {
				db.getCollection("lookup_lists").insertOne(new Document("_id", key).append("of", key.get("key")));
			}
		});
		withServer(dataDir, (db) -> {
			for (ObjectId id : ids) {
				assertThat(db.getCollection("findings").find(Filters.eq("_id", id)).first()).containsEntry("hex",
						id.toHexString());
			}
			for (Document key : keys) {
				assertThat(db.getCollection("lookup_lists").find(Filters.eq("_id", key)).first()).containsEntry("of",
						key.get("key"));
			}
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> db.getCollection("findings").insertOne(new Document("_id", ids.get(1))));
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> db.getCollection("lookup_lists").insertOne(new Document("_id", keys.get(3))));
		});
	}

	@Test
	void aFileOfTheStockBackendOpensWithItsIndexesRebuiltAndTheOldOnesRemoved(@TempDir Path dataDir) {
		Path file = dataDir.resolve("oversight.mv");
		MongoServer stock = new MongoServer(new H2Backend(file.toString()));
		var address = stock.bind();
		try (var client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
			var organizations = client.getDatabase("oversight").getCollection("organizations");
			organizations.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
			for (int i = 0; i < 500; i++) {
				organizations.insertOne(new Document("_id", "org-" + i).append("code", "C" + i));
			}
		}
		stock.shutdown();
		assertThat(mapNames(file)).anyMatch((name) -> name.endsWith("._index__id_"))
			.noneMatch((name) -> name.contains(H2StoreBackend.INDEX_INFIX));

		withServer(dataDir, (db) -> {
			var organizations = db.getCollection("organizations");
			assertThat(organizations.find(Filters.eq("_id", "org-321")).first()).containsEntry("code", "C321");
			assertThat(organizations.find(Filters.eq("code", "C7")).first()).containsEntry("_id", "org-7");
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> organizations.insertOne(new Document("_id", "org-5")));
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> organizations.insertOne(new Document("_id", "new").append("code", "C5")));
		});
		List<String> names = mapNames(file);
		assertThat(names).noneMatch((name) -> name.contains("._index_"))
			.contains("oversight.organizations" + H2StoreBackend.INDEX_INFIX + "_id_",
					"oversight.organizations" + H2StoreBackend.INDEX_INFIX + "code_1");
	}

	@Test
	void anIndexWhoseFirstBuildWasNotRecordedIsBuiltAgain(@TempDir Path dataDir) {
		withServer(dataDir, (db) -> {
			var talks = db.getCollection("talks");
			for (int i = 0; i < 50; i++) {
				talks.insertOne(new Document("_id", "talk-" + i));
			}
		});
		// as if the server had stopped during the first build: a stray key, not recorded
		Path file = dataDir.resolve("oversight.mv");
		String index = "oversight.talks" + H2StoreBackend.INDEX_INFIX + "_id_";
		MVStore store = new MVStore.Builder().fileName(file.toString()).open();
		MVMap<KeyValue, Object> map = store.openMap(index,
				new MVMap.Builder<KeyValue, Object>().keyType(new H2StoreBackend.OrderedKeys()));
		assertThat(map.sizeAsLong()).isEqualTo(50);
		map.put(new KeyValue("talk-stray"), "talk-stray");
		store.<String, Boolean>openMap(H2StoreBackend.BUILT).remove(index);
		store.close();

		withServer(dataDir, (db) -> {
			var talks = db.getCollection("talks");
			talks.insertOne(new Document("_id", "talk-stray"));
			assertThat(talks.find(Filters.eq("_id", "talk-7")).first()).isNotNull();
			assertThat(talks.countDocuments()).isEqualTo(51);
		});
	}

	@Test
	void aCollectionDroppedAndCreatedAgainKeepsNoneOfItsOldKeys(@TempDir Path dataDir) {
		withServer(dataDir, (db) -> db.getCollection("findings").insertOne(new Document("_id", "f-1")));
		// opened again, its index is a complete one
		withServer(dataDir, (db) -> {
			db.getCollection("findings").drop();
			db.getCollection("findings").insertOne(new Document("_id", "f-1").append("again", true));
			assertThat(db.getCollection("findings").find(Filters.eq("_id", "f-1")).first()).containsEntry("again",
					true);
		});
	}

	private static void withServer(Path dataDir, Consumer<MongoDatabase> work) {
		EmbeddedMongoServer server = EmbeddedMongoServer.start(EmbeddedBackend.H2, dataDir, 16);
		try (var client = MongoClients.create(server.connectionString())) {
			work.accept(client.getDatabase("oversight"));
		}
		finally {
			server.destroy();
		}
	}

	private static List<String> mapNames(Path file) {
		MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
		try {
			return List.copyOf(store.getMapNames());
		}
		finally {
			store.close();
		}
	}

}
