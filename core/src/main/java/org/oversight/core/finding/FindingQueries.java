package org.oversight.core.finding;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import org.oversight.core.common.Keyset;
import org.oversight.core.common.Page;
import org.oversight.core.common.PageRequest;
import org.oversight.core.common.Scope;

/**
 * Reads findings inside a scope, in priority order: those concerning a principal first,
 * then SERIOUS, GENERAL, EARLY_SIGN, then newest reported first, then id.
 */
@Component
public class FindingQueries {

	static final Keyset<Finding> PRIORITY = new Keyset<>(
			List.of(Sort.Order.desc("concernsPrincipal"), Sort.Order.desc("severityRank"),
					Sort.Order.desc("reportedOn"), Sort.Order.asc("_id")),
			(f) -> List.of(f.concernsPrincipal(), f.severity().ordinal(), Keyset.date(f.reportedOn()), f.id()));

	/** The orders a finding list can be read in. */
	public enum Order {

		PRIORITY, REPORTED_NEWEST, REPORTED_OLDEST

	}

	static final Keyset<Finding> NEWEST = new Keyset<>(List.of(Sort.Order.desc("reportedOn"), Sort.Order.asc("_id")),
			(f) -> List.of(Keyset.date(f.reportedOn()), f.id()));

	static final Keyset<Finding> OLDEST = new Keyset<>(List.of(Sort.Order.asc("reportedOn"), Sort.Order.asc("_id")),
			(f) -> List.of(Keyset.date(f.reportedOn()), f.id()));

	private final MongoTemplate mongo;

	FindingQueries(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Visible findings: in scope (by their organization) and not about the recused cadre.
	 */
	public Criteria visible(Scope scope) {
		return new Criteria().andOperator(scope.on("orgPath"), scope.recusal("subjectId"));
	}

	/** Findings of {@code organizationId}, or of its whole subtree. */
	public Criteria of(Scope scope, String organizationId, boolean includeDescendants, FindingFilter filter) {
		Criteria where = (organizationId == null) ? new Criteria() : includeDescendants
				? Criteria.where("orgPath").is(organizationId) : Criteria.where("organizationId").is(organizationId);
		return new Criteria().andOperator(visible(scope), where, (filter != null) ? filter.criteria() : new Criteria());
	}

	public Criteria aboutCadre(Scope scope, String cadreId, FindingFilter filter) {
		return new Criteria().andOperator(visible(scope), Criteria.where("subjectId").is(cadreId),
				(filter != null) ? filter.criteria() : new Criteria());
	}

	public Page<Finding> page(Criteria criteria, PageRequest request) {
		return PRIORITY.page(this.mongo, criteria, request, Finding.class);
	}

	public Page<Finding> page(Criteria criteria, PageRequest request, Order order) {
		Keyset<Finding> keyset = switch ((order != null) ? order : Order.PRIORITY) {
			case PRIORITY -> PRIORITY;
			case REPORTED_NEWEST -> NEWEST;
			case REPORTED_OLDEST -> OLDEST;
		};
		return keyset.page(this.mongo, criteria, request, Finding.class);
	}

	public long count(Criteria criteria) {
		return this.mongo.count(Query.query(criteria), Finding.class);
	}

	public List<Finding> byIds(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Finding.class);
	}

}
