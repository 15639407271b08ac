package org.oversight.api.transfer;

import java.util.List;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.oversight.core.common.Actor;

/**
 * Inserts many new records of the domain's simple kinds (organizations, cadres, posts
 * other than a principal's) with one command per 1,000, after the import validated them
 * exactly as the domain service would. The documents are read into the domain class by
 * the mapping converter and written back by it, so they are stored exactly as the service
 * stores them. Inserts are ordered: a crash leaves a prefix, which the next import of the
 * file finds stored and skips.
 */
final class BulkWrites {

	private BulkWrites() {
	}

	static Document stamp(ImportContext context) {
		String actor = Actor.current();
		return new Document("createdAt", context.now).append("createdBy", actor)
			.append("updatedAt", context.now)
			.append("updatedBy", actor);
	}

	/**
	 * Inserts the documents as the type; false when a key was taken meanwhile (the caller
	 * then writes row by row through the service, which reports it).
	 */
	static <T> boolean insert(MongoTemplate mongo, Class<T> type, List<Document> documents) {
		if (documents.isEmpty()) {
			return true;
		}
		List<T> entities = documents.stream().map((doc) -> mongo.getConverter().read(type, doc)).toList();
		try {
			mongo.insertAll(entities);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

}
