package org.oversight.core.mongo;

import java.nio.file.Path;

import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.oversight.core.common.OversightProperties.EmbeddedBackend;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded server's H2 backend keeps data across a stop and a start. */
class EmbeddedPersistenceTests {

	@Test
	void dataWrittenBeforeAStopIsThereAfterARestart(@TempDir Path dataDir) {
		EmbeddedMongoServer first = EmbeddedMongoServer.start(EmbeddedBackend.H2, dataDir);
		try (var client = MongoClients.create(first.connectionString())) {
			client.getDatabase("oversight").getCollection("organizations").insertOne(new Document("code", "P01"));
		}
		first.destroy();

		EmbeddedMongoServer second = EmbeddedMongoServer.start(EmbeddedBackend.H2, dataDir);
		try (var client = MongoClients.create(second.connectionString())) {
			Document found = client.getDatabase("oversight").getCollection("organizations").find().first();
			assertThat(found).isNotNull();
			assertThat(found.getString("code")).isEqualTo("P01");
		}
		finally {
			second.destroy();
		}
		assertThat(dataDir.resolve("oversight.mv")).exists();
	}

	@Test
	void theMemoryBackendKeepsNothing(@TempDir Path dataDir) {
		EmbeddedMongoServer first = EmbeddedMongoServer.start(EmbeddedBackend.MEMORY, dataDir);
		try (var client = MongoClients.create(first.connectionString())) {
			client.getDatabase("oversight").getCollection("organizations").insertOne(new Document("code", "P01"));
		}
		first.destroy();
		EmbeddedMongoServer second = EmbeddedMongoServer.start(EmbeddedBackend.MEMORY, dataDir);
		try (var client = MongoClients.create(second.connectionString())) {
			assertThat(client.getDatabase("oversight").getCollection("organizations").countDocuments()).isZero();
		}
		finally {
			second.destroy();
		}
	}

}
