package org.oversight.analytics.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import org.oversight.core.common.Keyset;
import org.oversight.core.common.OrgPathCollection;
import org.oversight.core.common.Page;
import org.oversight.core.common.PageRequest;
import org.oversight.core.common.Scope;

/**
 * Reads the stored political-ecology reports, always inside a scope, one query per call.
 * The default order is score descending, then organization code (then id).
 */
@Component
public class EcologyReports {

	static final Keyset<EcologyReport> BEST_FIRST = new Keyset<>(
			List.of(Sort.Order.desc("score"), Sort.Order.asc("organizationCode"), Sort.Order.asc("_id")),
			(r) -> List.of(r.score(), r.organizationCode(), r.id()));

	private final MongoTemplate mongo;

	EcologyReports(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The report of an organization for a year, whatever the scope (check it first). */
	public Optional<EcologyReport> find(String organizationId, int year) {
		return Optional.ofNullable(this.mongo.findById(EcologyReport.key(organizationId, year), EcologyReport.class));
	}

	/** The report of an organization for a year, if it lies in the scope. */
	public Optional<EcologyReport> find(Scope scope, String organizationId, int year) {
		return find(organizationId, year).filter((report) -> scope.contains(report.orgPath()));
	}

	/** A report by its id ({@code organizationId:year}). */
	public Optional<EcologyReport> byId(String id) {
		return Optional.ofNullable(this.mongo.findById(id, EcologyReport.class));
	}

	/**
	 * The reports of the year for {@code under} and everything below it (without it, all
	 * the scope).
	 */
	public Criteria criteria(Scope scope, int year, String under) {
		List<Criteria> all = new ArrayList<>();
		all.add(Criteria.where("year").is(year));
		all.add(scope.on(OrgPathCollection.FIELD));
		if (under != null) {
			all.add(Criteria.where(OrgPathCollection.FIELD).is(under));
		}
		return new Criteria().andOperator(all);
	}

	/** One page, score descending, then organization code. */
	public Page<EcologyReport> page(Scope scope, int year, String under, PageRequest request) {
		return BEST_FIRST.page(this.mongo, criteria(scope, year, under), request, EcologyReport.class);
	}

	public long count(Scope scope, int year, String under) {
		return this.mongo.count(Query.query(criteria(scope, year, under)), EcologyReport.class);
	}

	/**
	 * The reports of the year of many organizations in one query, keyed by organization
	 * id in the order asked (absent: no report). For batch loading.
	 */
	public Map<String, EcologyReport> byOrganizations(Collection<String> organizationIds, int year) {
		Map<String, EcologyReport> result = new LinkedHashMap<>();
		if (organizationIds.isEmpty()) {
			return result;
		}
		List<String> ids = organizationIds.stream().distinct().map((id) -> EcologyReport.key(id, year)).toList();
		Map<String, EcologyReport> found = new LinkedHashMap<>();
		for (EcologyReport report : this.mongo.find(Query.query(Criteria.where("_id").in(ids)), EcologyReport.class)) {
			found.put(report.organizationId(), report);
		}
		for (String id : organizationIds) {
			EcologyReport report = found.get(id);
			if (report != null) {
				result.put(id, report);
			}
		}
		return result;
	}

	/** Every year's report of an organization, oldest first: the trend. */
	public List<EcologyReport> history(String organizationId) {
		return this.mongo.find(Query.query(Criteria.where("organizationId").is(organizationId)).with(Sort.by("year")),
				EcologyReport.class);
	}

	/**
	 * The peer group of a report (same year, level and parent), this one included, best
	 * first, then organization code.
	 */
	public List<EcologyReport> peers(EcologyReport report) {
		Criteria criteria = Criteria.where("year")
			.is(report.year())
			.and("level")
			.is(report.level())
			.and("parentId")
			.is(report.parentId());
		List<EcologyReport> peers = new ArrayList<>(this.mongo.find(Query.query(criteria), EcologyReport.class));
		peers.sort(Comparator.comparingDouble(EcologyReport::score)
			.reversed()
			.thenComparing(EcologyReport::organizationCode)
			.thenComparing(EcologyReport::id));
		return peers;
	}

}
