package org.oversight.core.mongo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes declared on the stored types ({@code @Indexed},
 * {@code @CompoundIndex}) before anything else touches the database: unique codes
 * everywhere, and the fields lists filter and sort by (used by a real MongoDB; the
 * embedded server keeps only the unique ones).
 */
@Component
class IndexesOnStartup implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(IndexesOnStartup.class);

	private final MongoTemplate mongo;

	private final MongoMappingContext mappingContext;

	IndexesOnStartup(MongoTemplate mongo, MongoMappingContext mappingContext) {
		this.mongo = mongo;
		this.mappingContext = mappingContext;
	}

	@Override
	public void afterSingletonsInstantiated() {
		var resolver = new MongoPersistentEntityIndexResolver(this.mappingContext);
		int count = 0;
		for (MongoPersistentEntity<?> entity : this.mappingContext.getPersistentEntities()) {
			if (!entity.isAnnotationPresent(Document.class)) {
				continue;
			}
			IndexOperations indexes = this.mongo.indexOps(entity.getCollection());
			for (var index : resolver.resolveIndexFor(entity.getTypeInformation())) {
				indexes.createIndex(index.getIndexDefinition());
				count++;
			}
		}
		logger.debug("Ensured {} indexes", count);
	}

}
