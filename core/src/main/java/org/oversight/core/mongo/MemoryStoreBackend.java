package org.oversight.core.mongo;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The memory backend of the embedded server, with id lists matched by
 * {@link IdListMatch}.
 */
final class MemoryStoreBackend extends MemoryBackend {

	@Override
	public MemoryDatabase openOrCreateDatabase(String databaseName) {
		return new MemoryDatabase(databaseName, getCursorRegistry()) {
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
