package org.oversight.api.operations;

import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Database health by {@code ping}, which both MongoDB and the embedded server answer
 * (Boot's own indicator sends {@code hello}, which the embedded server lacks). Named
 * {@code mongoHealthIndicator} so it replaces Boot's.
 */
@Component("mongoHealthIndicator")
class DatabaseHealth extends AbstractHealthIndicator {

	private final MongoTemplate mongo;

	DatabaseHealth(MongoTemplate mongo) {
		super("MongoDB health check failed");
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document result = this.mongo.executeCommand(new Document("ping", 1));
		builder.up().withDetail("database", this.mongo.getDb().getName()).withDetail("ping", result.get("ok"));
	}

}
