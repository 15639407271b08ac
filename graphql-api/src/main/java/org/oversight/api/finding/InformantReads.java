package org.oversight.api.finding;

import java.util.Map;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import org.oversight.core.common.Today;

/** Records every read of an informant, append-only, in {@code informant_reads}. */
@Component
public class InformantReads {

	private final MongoTemplate mongo;

	private final Today today;

	InformantReads(MongoTemplate mongo, Today today) {
		this.mongo = mongo;
		this.today = today;
	}

	public void record(String username, String findingId) {
		this.mongo.insert(new org.bson.Document(
				Map.of("username", username, "findingId", findingId, "at", java.util.Date.from(this.today.now()))),
				"informant_reads");
	}

}
