package org.oversight.scheduler.obligation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 * Reads talk obligations inside a scope (an obligation belongs to the organization of the
 * subject's post), ordered by due date, earliest first, then id. A page is one query
 * (keyset pagination); a scope's recused cadre never sees the obligations about them.
 */
@Component
public class Obligations {

	static final Keyset<Obligation> BY_DUE_DATE = new Keyset<>(List.of(Sort.Order.asc("dueOn"), Sort.Order.asc("_id")),
			(o) -> List.of(Keyset.date(o.dueOn()), o.id()));

	private final MongoTemplate mongo;

	Obligations(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The obligations of the scope that match the filter. */
	public Criteria criteria(Scope scope, ObligationFilter filter) {
		List<Criteria> all = new ArrayList<>();
		all.add(scope.on("orgPath"));
		all.add(scope.recusal("subjectCadreId"));
		ObligationFilter f = (filter != null) ? filter : ObligationFilter.none();
		if (f.underOrganizationId() != null) {
			all.add(Criteria.where("orgPath").is(f.underOrganizationId()));
		}
		if (f.status() != null) {
			all.add(Criteria.where("status").is(f.status()));
		}
		if (f.kind() != null) {
			all.add(Criteria.where("kind").is(f.kind()));
		}
		if (f.ownerCadreId() != null) {
			all.add(Criteria.where("ownerCadreId").is(f.ownerCadreId()));
		}
		if (f.subjectCadreId() != null) {
			all.add(Criteria.where("subjectCadreId").is(f.subjectCadreId()));
		}
		if (f.dueBefore() != null) {
			all.add(Criteria.where("dueOn").lt(f.dueBefore()));
		}
		return new Criteria().andOperator(all);
	}

	/** One page, by due date then id. */
	public Page<Obligation> page(Scope scope, ObligationFilter filter, PageRequest request) {
		return BY_DUE_DATE.page(this.mongo, criteria(scope, filter), request, Obligation.class);
	}

	public long count(Scope scope, ObligationFilter filter) {
		return this.mongo.count(Query.query(criteria(scope, filter)), Obligation.class);
	}

	/** One obligation, if it exists and lies inside the scope. */
	public Optional<Obligation> get(Scope scope, String id) {
		if (id == null) {
			return Optional.empty();
		}
		Criteria criteria = new Criteria().andOperator(Criteria.where("_id").is(id),
				criteria(scope, ObligationFilter.none()));
		return Optional.ofNullable(this.mongo.findOne(Query.query(criteria), Obligation.class));
	}

}
