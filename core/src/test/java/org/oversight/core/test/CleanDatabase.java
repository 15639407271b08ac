package org.oversight.core.test;

import org.bson.Document;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import org.oversight.core.readmodel.ReadModels;

/**
 * Empties every collection before each test (keeping the indexes), builds the (empty)
 * read models and puts the test clock back on {@link TestDatabase#TODAY}.
 */
public class CleanDatabase implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		var applicationContext = SpringExtension.getApplicationContext(context);
		MongoTemplate mongo = applicationContext.getBean(MongoTemplate.class);
		for (String name : mongo.getCollectionNames()) {
			if (!name.startsWith("system.") && !name.startsWith("QRTZ") && !name.equals("shedlock")) {
				mongo.getCollection(name).deleteMany(new Document());
			}
		}
		// As on a new database once started: the read models are built (empty), so every
		// test's reads go through them and they are kept by the writes under test.
		applicationContext.getBeanProvider(ReadModels.class).ifAvailable(ReadModels::rebuild);
		applicationContext.getBeanProvider(TestDatabase.MutableClock.class)
			.ifAvailable(TestDatabase.MutableClock::reset);
	}

}
