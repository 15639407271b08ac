package org.oversight.api.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import org.oversight.core.common.Keyset;
import org.oversight.core.common.Page;
import org.oversight.core.common.PageRequest;
import org.oversight.core.common.Today;

/**
 * The append-only audit trail: every mutation (who, when, what, with secrets masked),
 * every read of an informant, every failed sign-in. Only inserts; nothing updates or
 * deletes an entry.
 */
@Component
public class AuditLog {

	private static final Keyset<Entry> NEWEST_FIRST = new Keyset<>(
			List.of(Sort.Order.desc("at"), Sort.Order.desc("_id")),
			(e) -> List.of(java.util.Date.from(e.at()), e.id()));

	private final MongoTemplate mongo;

	private final Today today;

	AuditLog(MongoTemplate mongo, Today today) {
		this.mongo = mongo;
		this.today = today;
	}

	/** What an entry records. */
	public enum Kind {

		MUTATION, INFORMANT_READ, SIGN_IN_FAILED

	}

	/** One audited event. */
	@Document("audit_log")
	public record Entry(@Id String id, @Indexed Instant at, Kind kind, @Indexed String actor, String operation,
			Map<String, Object> details, String outcome) {
	}

	public void mutation(String actor, String operation, Map<String, Object> details, String outcome) {
		write(Kind.MUTATION, actor, operation, details, outcome);
	}

	public void informantRead(String actor, String findingId) {
		write(Kind.INFORMANT_READ, actor, "Finding.informant", Map.of("findingId", findingId), "read");
	}

	public void signInFailed(String username, String reason) {
		write(Kind.SIGN_IN_FAILED, (username != null) ? username : "", "sign-in", Map.of("reason", reason), "refused");
	}

	private void write(Kind kind, String actor, String operation, Map<String, Object> details, String outcome) {
		this.mongo.insert(
				new Entry(new ObjectId().toHexString(), this.today.now(), kind, actor, operation, details, outcome));
	}

	public Criteria filter(Kind kind, String actor, Instant from, Instant to) {
		Criteria criteria = new Criteria();
		List<Criteria> all = new java.util.ArrayList<>();
		if (kind != null) {
			all.add(Criteria.where("kind").is(kind));
		}
		if (actor != null) {
			all.add(Criteria.where("actor").is(actor));
		}
		if (from != null) {
			all.add(Criteria.where("at").gte(from));
		}
		if (to != null) {
			all.add(Criteria.where("at").lte(to));
		}
		return all.isEmpty() ? criteria : new Criteria().andOperator(all);
	}

	public Page<Entry> page(Criteria criteria, PageRequest request) {
		return NEWEST_FIRST.page(this.mongo, criteria, request, Entry.class);
	}

	public long count(Criteria criteria) {
		return this.mongo.count(Query.query(criteria), Entry.class);
	}

}
