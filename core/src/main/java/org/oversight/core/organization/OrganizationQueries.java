package org.oversight.core.organization;

import java.util.Collection;
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

/** Reads organizations, always inside a scope, one query per call. */
@Component
public class OrganizationQueries {

	private static final Keyset<Organization> BY_CODE = new Keyset<>(
			List.of(Sort.Order.asc("code"), Sort.Order.asc("_id")), (o) -> List.of(o.code(), o.id()));

	private final MongoTemplate mongo;

	OrganizationQueries(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * The subtree of {@code under} (all the scope when null), optionally one level only.
	 */
	public Criteria subtree(Scope scope, String under, OrgLevel level) {
		Criteria criteria = scope.on("path");
		if (under != null) {
			criteria = new Criteria().andOperator(criteria, Criteria.where("path").is(under));
		}
		if (level != null) {
			criteria = new Criteria().andOperator(criteria, Criteria.where("level").is(level));
		}
		return criteria;
	}

	/** Organizations whose name or code contains the text. */
	public Criteria search(Scope scope, String text) {
		Pattern pattern = Pattern.compile(Pattern.quote(text.strip()), Pattern.CASE_INSENSITIVE);
		return new Criteria().andOperator(scope.on("path"), new Criteria()
			.orOperator(Criteria.where("name").regex(pattern), Criteria.where("code").regex(pattern)));
	}

	public Page<Organization> page(Criteria criteria, PageRequest request) {
		return BY_CODE.page(this.mongo, criteria, request, Organization.class);
	}

	public long count(Criteria criteria) {
		return this.mongo.count(Query.query(criteria), Organization.class);
	}

	public List<Organization> byIds(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Organization.class);
	}

	/** The children of every given organization, code ascending. */
	public List<Organization> childrenOf(Collection<String> parentIds) {
		if (parentIds.isEmpty()) {
			return List.of();
		}
		return this.mongo.find(Query.query(Criteria.where("parentId").in(parentIds)).with(Sort.by("code")),
				Organization.class);
	}

	public List<Organization> find(Criteria criteria, Sort sort) {
		return this.mongo.find(Query.query(criteria).with(sort), Organization.class);
	}

}
