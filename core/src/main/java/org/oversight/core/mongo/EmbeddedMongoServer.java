package org.oversight.core.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.oversight.core.common.OversightProperties.EmbeddedBackend;

/**
 * The embedded MongoDB-compatible server (mongo-java-server) used when no MongoDB is
 * configured. Listens on a free loopback port; with the H2 backend its data lives in one
 * MVStore file under the data directory and survives restarts.
 */
public final class EmbeddedMongoServer {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedMongoServer.class);

	static final String DATABASE = "oversight";

	static final int DEFAULT_CACHE_MB = 256;

	private final MongoServer server;

	private final String connectionString;

	private final int port;

	private EmbeddedMongoServer(MongoBackend backend, String description) {
		// No oplog: nothing here uses change streams (the overdue feed polls), and the
		// oplog
		// keeps a second copy of every inserted document in the same heap (or file).
		this.server = new MongoServer(backend);
		var address = this.server.bind();
		this.port = address.getPort();
		this.connectionString = "mongodb://127.0.0.1:" + address.getPort() + "/" + DATABASE;
		logger.info("Embedded MongoDB-compatible server ({}) listening on 127.0.0.1:{}", description,
				address.getPort());
	}

	public static EmbeddedMongoServer start(EmbeddedBackend backend, Path dataDir) {
		return start(backend, dataDir, DEFAULT_CACHE_MB);
	}

	/**
	 * The server on the backend; with H2, in one file under the data directory (in memory
	 * when it is null) with a page cache of the given megabytes.
	 */
	public static EmbeddedMongoServer start(EmbeddedBackend backend, Path dataDir, int cacheMegabytes) {
		if (backend == EmbeddedBackend.MEMORY) {
			return new EmbeddedMongoServer(new MemoryStoreBackend(), "memory backend");
		}
		if (dataDir == null) {
			return inMemoryH2();
		}
		try {
			Files.createDirectories(dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data directory " + dataDir.toAbsolutePath(), ex);
		}
		Path file = dataDir.resolve("oversight.mv").toAbsolutePath();
		return new EmbeddedMongoServer(new H2StoreBackend(H2StoreBackend.open(file.toString(), cacheMegabytes)),
				"H2 backend, " + file + ", " + cacheMegabytes + " MB page cache");
	}

	/** An H2-backed server whose store lives in memory only: what the tests use. */
	public static EmbeddedMongoServer inMemoryH2() {
		return new EmbeddedMongoServer(new H2StoreBackend(H2StoreBackend.open(null, DEFAULT_CACHE_MB)),
				"H2 backend, in memory");
	}

	public int port() {
		return this.port;
	}

	public String connectionString() {
		return this.connectionString;
	}

	/**
	 * Stops listening and closes the store (the auto-configuration calls it on shutdown).
	 */
	public void destroy() {
		logger.info("Stopping the embedded MongoDB-compatible server");
		this.server.shutdown();
	}

}
