package org.oversight.api.transfer;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import org.oversight.core.common.Today;

/**
 * The business keys that imports give records the domain has no field for: a finding's
 * 问题编号. Collection {@value #COLLECTION}, one document per key: {@code {_id:
 * "finding:<key>", id: <finding id>, reservedAt}}. The key is reserved with the id its
 * finding will have before the finding is registered, so a crash between the two leaves a
 * reservation that the next import of the key completes by registering the finding under
 * that id. (Reservations without an id, left by older versions, are resolved by adopting
 * the unmapped finding with exactly the row's values if there is one.)
 */
@Component
class ImportKeys {

	static final String COLLECTION = "import_keys";

	private static final String FINDING = "finding:";

	/** Keys per read: the embedded server compares each document found with every key. */
	private static final int READ_CHUNK = ImportContext.BATCH;

	private final MongoTemplate mongo;

	private final Today today;

	private volatile boolean indexed;

	ImportKeys(MongoTemplate mongo, Today today) {
		this.mongo = mongo;
		this.today = today;
	}

	private void index() {
		if (!this.indexed) {
			this.mongo.indexOps(COLLECTION).createIndex(new Index().on("id", Sort.Direction.ASC));
			this.indexed = true;
		}
	}

	/** Key → finding id, for the keys that are mapped (not merely reserved). */
	Map<String, String> findings(Collection<String> keys) {
		Map<String, String> result = new HashMap<>();
		if (keys.isEmpty()) {
			return result;
		}
		List<String> ids = keys.stream().map((k) -> FINDING + k).toList();
		for (Document doc : this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION)) {
			Object id = doc.get("id");
			if (id != null) {
				result.put(doc.getString("_id").substring(FINDING.length()), id.toString());
			}
		}
		return result;
	}

	/** Finding id → key, for exports; findings without a key are absent. */
	Map<String, String> keysOfFindings(Collection<String> findingIds) {
		Map<String, String> result = new HashMap<>();
		if (findingIds.isEmpty()) {
			return result;
		}
		index();
		for (Document doc : this.mongo.find(Query.query(Criteria.where("id").in(findingIds)), Document.class,
				COLLECTION)) {
			String key = doc.getString("_id");
			if (key.startsWith(FINDING)) {
				result.put(doc.get("id").toString(), key.substring(FINDING.length()));
			}
		}
		return result;
	}

	/**
	 * Reserves the keys before their findings are registered, each with the id its
	 * finding will have (one write), and answers the id each key is reserved with: the
	 * one given, or the one of an earlier import that stopped before registering it (then
	 * the finding is registered under that id now), or null for a reservation without an
	 * id, left by an older version between reserving and completing.
	 */
	Map<String, String> reserveFindings(Map<String, String> idsByKey) {
		Map<String, String> reserved = new HashMap<>();
		if (idsByKey.isEmpty()) {
			return reserved;
		}
		index();
		BulkOperations reserve = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
		idsByKey.forEach((key, id) -> reserve.upsert(Query.query(Criteria.where("_id").is(FINDING + key)),
				new Update().setOnInsert("id", id).setOnInsert("reservedAt", this.today.now())));
		reserve.execute();
		List<String> ids = idsByKey.keySet().stream().map((k) -> FINDING + k).toList();
		for (int i = 0; i < ids.size(); i += READ_CHUNK) {
			Query query = Query.query(Criteria.where("_id").in(ids.subList(i, Math.min(ids.size(), i + READ_CHUNK))));
			for (Document doc : this.mongo.find(query, Document.class, COLLECTION)) {
				Object id = doc.get("id");
				reserved.put(doc.getString("_id").substring(FINDING.length()), (id != null) ? id.toString() : null);
			}
		}
		return reserved;
	}

	/** Maps a reservation left without an id by an older version. */
	void completeFinding(String key, String findingId) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(FINDING + key).and("id").is(null)),
				new Update().set("id", findingId).set("completedAt", this.today.now()), COLLECTION);
	}

	boolean mapped(String findingId) {
		index();
		return this.mongo.exists(Query.query(Criteria.where("id").is(findingId)), COLLECTION);
	}

}
