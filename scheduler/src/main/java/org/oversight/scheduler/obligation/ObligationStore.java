package org.oversight.scheduler.obligation;

import java.time.LocalDate;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import org.oversight.core.talk.Talk;

/**
 * The writes of obligations, each one single-document atomic operation keyed by the
 * obligation's id and conditional on its status: repeated, concurrent or resumed after a
 * crash, they never make a second obligation nor undo a closed one.
 */
@Component
class ObligationStore {

	/** What {@link #open} found. */
	enum Opened {

		/** Stored now. */
		NEW,
		/** Was withdrawn, owed again. */
		REOPENED,
		/** Already open (or closed: left as it is). */
		EXISTING

	}

	private final MongoTemplate mongo;

	ObligationStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Makes sure the obligation is owed: stored if new, reopened if withdrawn; marked as
	 * confirmed by the check.
	 */
	Opened open(Obligation owed, LocalDate day, long check) {
		if (keepIfOpen(owed.id(), day, check)) {
			return Opened.EXISTING;
		}
		var reopened = this.mongo.updateFirst(byIdAnd(owed.id(), ObligationStatus.WITHDRAWN),
				confirmed(day, check).set("status", ObligationStatus.OPEN).unset("withdrawnOn"), Obligation.class);
		if (reopened.getModifiedCount() == 1) {
			return Opened.REOPENED;
		}
		Update insert = confirmed(day, check).setOnInsert("ownerCadreId", owed.ownerCadreId())
			.setOnInsert("subjectCadreId", owed.subjectCadreId())
			.setOnInsert("kind", owed.kind())
			.setOnInsert("period", owed.period())
			.setOnInsert("organizationId", owed.organizationId())
			.setOnInsert("orgPath", owed.orgPath())
			.setOnInsert("dueOn", owed.dueOn())
			.setOnInsert("status", ObligationStatus.OPEN)
			.setOnInsert("openedOn", day);
		if (owed.countsFrom() != null) {
			insert.setOnInsert("countsFrom", owed.countsFrom());
		}
		try {
			var result = this.mongo.upsert(Query.query(Criteria.where("_id").is(owed.id())), insert, Obligation.class);
			return (result.getUpsertedId() != null) ? Opened.NEW : Opened.EXISTING;
		}
		catch (DuplicateKeyException ex) {
			// stored at the same moment by a concurrent check
			return Opened.EXISTING;
		}
	}

	/** Notes that an open obligation is still owed; false when it is not open. */
	boolean keepIfOpen(String id, LocalDate day, long check) {
		return this.mongo.updateFirst(byIdAnd(id, ObligationStatus.OPEN), confirmed(day, check), Obligation.class)
			.getMatchedCount() == 1;
	}

	/** The check's mark; never lowered, so an older check cannot undo a newer one's. */
	private static Update confirmed(LocalDate day, long check) {
		return new Update().set("confirmedOn", day).max("confirmedByCheck", check);
	}

	/** Closes an open obligation with the talk that fulfils it. */
	boolean fulfil(String id, Talk talk) {
		return this.mongo
			.updateFirst(byIdAnd(id, ObligationStatus.OPEN),
					new Update().set("status", ObligationStatus.FULFILLED)
						.set("fulfilledOn", talk.date())
						.set("fulfilledByTalkId", talk.id()),
					Obligation.class)
			.getModifiedCount() == 1;
	}

	/**
	 * Withdraws an open obligation that neither the check {@code check} nor a later one
	 * found owed.
	 */
	boolean withdraw(String id, LocalDate day, long check) {
		Query query = Query.query(Criteria.where("_id")
			.is(id)
			.and("status")
			.is(ObligationStatus.OPEN)
			.orOperator(Criteria.where("confirmedByCheck").lt(check), Criteria.where("confirmedByCheck").is(null)));
		return this.mongo
			.updateFirst(query, new Update().set("status", ObligationStatus.WITHDRAWN).set("withdrawnOn", day),
					Obligation.class)
			.getModifiedCount() == 1;
	}

	private static Query byIdAnd(String id, ObligationStatus status) {
		return Query.query(Criteria.where("_id").is(id).and("status").is(status));
	}

}
