package org.oversight.core.mongo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.oversight.core.common.OversightProperties.EmbeddedBackend;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads and writes by lists of ids give on Oversight's embedded backends what they give
 * on the stock memory backend, whatever the ids and the rest of the filter.
 */
class IdListMatchTests {

	private static final ObjectId OBJECT_ID = new ObjectId("6b0000000000000000000100");

	private static final List<Object> IDS = List.of("a", "b", "c", OBJECT_ID, new ObjectId("6b000000000000000000001f"),
			7, new Document("source", "talks").append("key", "a"));

	private static final List<Bson> FILTERS = List.of(Filters.in("_id", "a", "c", "zz"),
			Filters.in("_id", "a", "a", "b"), Filters.in("_id", OBJECT_ID, "b"), Filters.in("_id", List.of()),
			Filters.in("_id", 7, "a"), Filters.in("_id", new Document("source", "talks").append("key", "a"), "c"),
			Filters.and(Filters.in("_id", "a", "b", "c"), Filters.eq("even", true)), Filters.nin("_id", "a", "b"),
			Filters.in("_id", "7"));

	@Test
	void everyBackendAnswersAsTheStockOne(@TempDir Path dataDir) {
		List<List<String>> stock = answers(stockServer());
		assertThat(stock.get(0)).hasSize(2);
		assertThat(answers(EmbeddedMongoServer.start(EmbeddedBackend.MEMORY, dataDir))).as("memory backend")
			.isEqualTo(stock);
		assertThat(answers(EmbeddedMongoServer.start(EmbeddedBackend.H2, dataDir, 16))).as("H2 backend")
			.isEqualTo(stock);
	}

	private static List<List<String>> answers(Object server) {
		String uri = (server instanceof EmbeddedMongoServer embedded) ? embedded.connectionString()
				: "mongodb://127.0.0.1:" + ((MongoServer) server).getLocalAddress().getPort() + "/oversight";
		try (var client = MongoClients.create(uri)) {
			MongoCollection<Document> records = client.getDatabase("oversight").getCollection("records");
			List<List<String>> answers = new ArrayList<>();
			for (Bson filter : FILTERS) {
				reset(records);
				answers.add(ids(records.find(filter).into(new ArrayList<>())));
				records.updateMany(filter, Updates.set("touched", true));
				answers.add(ids(records.find(Filters.eq("touched", true)).into(new ArrayList<>())));
				records.deleteMany(filter);
				answers.add(ids(records.find().into(new ArrayList<>())));
			}
			return answers;
		}
		finally {
			if (server instanceof EmbeddedMongoServer embedded) {
				embedded.destroy();
			}
			else {
				((MongoServer) server).shutdownNow();
			}
		}
	}

	private static void reset(MongoCollection<Document> records) {
		records.deleteMany(new Document());
		for (int i = 0; i < IDS.size(); i++) {
			records.insertOne(new Document("_id", IDS.get(i)).append("even", i % 2 == 0));
		}
	}

	private static List<String> ids(List<Document> documents) {
		return documents.stream().map((d) -> String.valueOf(d.get("_id"))).sorted().toList();
	}

	private static MongoServer stockServer() {
		MongoServer server = new MongoServer(new MemoryBackend());
		server.bind();
		return server;
	}

}
