package org.oversight.api.transfer;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
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
 * "finding:<key>", id: <finding id>, reservedAt}}. The key is reserved (id null) before
 * the finding is registered and completed right after, so a crash between the two leaves
 * a reservation that the next import of the key resolves: it adopts the unmapped finding
 * with exactly the row's values if there is one, or registers it.
 */
@Component
class ImportKeys {

	static final String COLLECTION = "import_keys";

	private static final String FINDING = "finding:";

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
	 * Reserves the key before its finding is registered.
	 * @return true when a reservation was already there: an earlier import stopped
	 * between reserving and completing
	 */
	boolean reserveFinding(String key) {
		index();
		Document before = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(FINDING + key)),
				new Update().setOnInsert("reservedAt", this.today.now()),
				FindAndModifyOptions.options().upsert(true).returnNew(false), Document.class, COLLECTION);
		return before != null;
	}

	void completeFinding(String key, String findingId) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(FINDING + key)),
				new Update().set("id", findingId).set("completedAt", this.today.now()), COLLECTION);
	}

	boolean mapped(String findingId) {
		index();
		return this.mongo.exists(Query.query(Criteria.where("id").is(findingId)), COLLECTION);
	}

}
