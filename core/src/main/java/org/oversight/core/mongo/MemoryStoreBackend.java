package org.oversight.core.mongo;

import java.util.List;

import io.netty.channel.Channel;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The memory backend of the embedded server, with id lists matched by {@link IdListMatch}
 * unique indexes hashed by {@link SpreadUniqueIndex}, and replies cut into batches by
 * {@link ReplyBatches}.
 */
final class MemoryStoreBackend extends MemoryBackend {

	private final ReplyBatches batches = new ReplyBatches(getCursorRegistry());

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		return this.batches.handle(command, query, () -> super.handleCommand(channel, databaseName, command, query));
	}

	@Override
	public MemoryDatabase openOrCreateDatabase(String databaseName) {
		return new MemoryDatabase(databaseName, getCursorRegistry()) {
			@Override
			protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName,
					List<IndexKey> keys, boolean sparse) {
				return new SpreadUniqueIndex(indexName, keys, sparse);
			}

			@Override
			protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
				return new MemoryCollection(this, collectionName, options, this.cursorRegistry) {
					@Override
					protected boolean documentMatchesQuery(Document document, Document query) {
						Boolean matched = IdListMatch.matches(document, query, getIdField());
						return (matched != null) ? matched : super.documentMatchesQuery(document, query);
					}
				};
			}
		};
	}

}
