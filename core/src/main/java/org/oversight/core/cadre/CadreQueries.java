package org.oversight.core.cadre;

import java.util.List;
import java.util.regex.Pattern;

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
 * Reads cadres inside a scope: a cadre is in it while they hold or held a post inside it.
 */
@Component
public class CadreQueries {

	private static final Keyset<Cadre> BY_CODE = new Keyset<>(List.of(Sort.Order.asc("code"), Sort.Order.asc("_id")),
			(c) -> List.of(c.code(), c.id()));

	private final MongoTemplate mongo;

	CadreQueries(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Criteria visible(Scope scope) {
		return scope.unrestricted() ? new Criteria() : Criteria.where("orgScope").is(scope.organizationId());
	}

	public Criteria search(Scope scope, String text) {
		Pattern pattern = Pattern.compile(Pattern.quote(text.strip()), Pattern.CASE_INSENSITIVE);
		return new Criteria().andOperator(visible(scope), new Criteria()
			.orOperator(Criteria.where("name").regex(pattern), Criteria.where("code").regex(pattern)));
	}

	public Page<Cadre> page(Criteria criteria, PageRequest request) {
		return BY_CODE.page(this.mongo, criteria, request, Cadre.class);
	}

	public long count(Criteria criteria) {
		return this.mongo.count(Query.query(criteria), Cadre.class);
	}

}
