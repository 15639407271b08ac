package org.oversight.core.talk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import org.oversight.core.common.DomainException;
import org.oversight.core.common.Keyset;
import org.oversight.core.common.Page;
import org.oversight.core.common.PageRequest;
import org.oversight.core.common.Scope;
import org.oversight.core.lookup.LookupLists;
import org.oversight.core.mongo.InQueries;

/** Reads talks inside a scope, newest first. */
@Component
public class TalkQueries {

	static final Keyset<Talk> NEWEST_FIRST = new Keyset<>(List.of(Sort.Order.desc("date"), Sort.Order.asc("_id")),
			(t) -> List.of(Keyset.date(t.date()), t.id()));

	private final MongoTemplate mongo;

	private final LookupLists lookups;

	TalkQueries(MongoTemplate mongo, LookupLists lookups) {
		this.lookups = lookups;
		this.mongo = mongo;
	}

	public Criteria ofSubject(Scope scope, String subjectId, TalkKind kind, LocalDate from, LocalDate to) {
		List<Criteria> all = new ArrayList<>();
		all.add(scope.on("orgPath"));
		all.add(Criteria.where("subjectId").is(subjectId));
		if (kind != null) {
			all.add(Criteria.where("kind").is(kind));
		}
		if (from != null && to != null && to.isBefore(from)) {
			throw DomainException.invalid("to", "must not be before from");
		}
		if (from != null) {
			all.add(Criteria.where("date").gte(from));
		}
		if (to != null) {
			all.add(Criteria.where("date").lte(to));
		}
		return new Criteria().andOperator(all);
	}

	/** The fields of a talk that {@link #held} reads. */
	static final List<String> JUDGED = List.of("kind", "date", "subjectId", "conductedByIds");

	/** Who talked to whom, of what kind and when. */
	public record HeldTalk(String subjectId, TalkKind kind, LocalDate date, List<String> conductedByIds) {
	}

	public Page<Talk> page(Criteria criteria, PageRequest request) {
		return NEWEST_FIRST.page(this.mongo, criteria, request, Talk.class);
	}

	public long count(Criteria criteria) {
		return this.mongo.count(Query.query(criteria), Talk.class);
	}

	/**
	 * Talks of the kinds, held in the date range, with any of the subjects: who talked to
	 * whom, of what kind and when ({@link #JUDGED}), read as plain documents. A county's
	 * coverage at M reads a few thousand: their summary, issues, path and stamp were most
	 * of what the database sent, and mapping them as {@link Talk}s a fifth of its time.
	 */
	public List<HeldTalk> held(java.util.Collection<String> subjectIds, java.util.Collection<TalkKind> kinds,
			LocalDate from, LocalDate to) {
		if (subjectIds.isEmpty()) {
			return List.of();
		}
		List<String> keys = new ArrayList<>();
		for (String subjectId : subjectIds) {
			for (int year = from.getYear(); year <= to.getYear(); year++) {
				for (TalkKind kind : kinds) {
					keys.add(LookupLists.subjectTalks(subjectId, year, kind));
				}
			}
		}
		java.util.Optional<List<String>> listed = this.lookups.union(LookupLists.SUBJECT_TALKS, keys);
		Query query;
		if (listed.isEmpty()) {
			query = Query.query(Criteria.where("subjectId")
				.in(subjectIds)
				.and("kind")
				.in(kinds.stream().map(Enum::name).toList())
				.and("date")
				.gte(Keyset.date(from))
				.lte(Keyset.date(to)));
		}
		else if (listed.get().isEmpty()) {
			return List.of();
		}
		else {
			query = Query.query(Criteria.where("_id").in(InQueries.storedIds(listed.get())));
		}
		query.fields().include(JUDGED.toArray(String[]::new));
		java.util.Set<String> subjects = java.util.Set.copyOf(subjectIds);
		List<HeldTalk> held = new ArrayList<>();
		for (org.bson.Document row : this.mongo.find(query, org.bson.Document.class, "talks")) {
			HeldTalk talk = new HeldTalk(row.getString("subjectId"), TalkKind.valueOf(row.getString("kind")),
					Keyset.day(row.get("date")), List.copyOf(row.getList("conductedByIds", String.class, List.of())));
			if (subjects.contains(talk.subjectId()) && kinds.contains(talk.kind()) && !talk.date().isBefore(from)
					&& !talk.date().isAfter(to)) {
				held.add(talk);
			}
		}
		return held;
	}

}
