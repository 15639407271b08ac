package org.oversight.core.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import org.oversight.core.common.Keyset;
import org.oversight.core.common.Memo;
import org.oversight.core.common.Page;
import org.oversight.core.common.PageRequest;
import org.oversight.core.common.Scope;
import org.oversight.core.lookup.LookupLists;

/** Reads organizations, always inside a scope, one query per call. */
@Component
public class OrganizationQueries {

	private static final Keyset<Organization> BY_CODE = new Keyset<>(
			List.of(Sort.Order.asc("code"), Sort.Order.asc("_id")), (o) -> List.of(o.code(), o.id()));

	/** Organizations by id. */
	private static final Memo.Slot<Organization> ORGANIZATION = new Memo.Slot<>("organization");

	/** The ids listed as an organization's children, by organization id. */
	private static final Memo.Slot<List<String>> CHILD_IDS = new Memo.Slot<>("children of an organization");

	private final MongoTemplate mongo;

	private final LookupLists lookups;

	OrganizationQueries(MongoTemplate mongo, LookupLists lookups) {
		this.lookups = lookups;
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

	/**
	 * The organizations by id that exist, in the order of the ids, each read once per
	 * request through its memo.
	 */
	public Map<String, Organization> byIds(Collection<String> ids, Memo memo) {
		return memo.get(ORGANIZATION, ids, (missing) -> {
			Map<String, Organization> found = new LinkedHashMap<>();
			byIds(missing).forEach((organization) -> found.put(organization.id(), organization));
			return found;
		});
	}

	/** The children of every given organization, code ascending. */
	public List<Organization> childrenOf(Collection<String> parentIds) {
		if (parentIds.isEmpty()) {
			return List.of();
		}
		Optional<List<String>> listed = this.lookups.union(LookupLists.CHILDREN, parentIds);
		if (listed.isEmpty()) {
			return this.mongo.find(Query.query(Criteria.where("parentId").in(parentIds)).with(Sort.by("code")),
					Organization.class);
		}
		if (listed.get().isEmpty()) {
			return List.of();
		}
		Set<String> parents = Set.copyOf(parentIds);
		return this.mongo.find(Query.query(Criteria.where("_id").in(listed.get())), Organization.class)
			.stream()
			.filter((organization) -> parents.contains(organization.parentId()))
			.sorted(Comparator.comparing(Organization::code))
			.toList();
	}

	/**
	 * The ids of the organizations at or below the roots, walked level by level through
	 * the children's lookup lists (one read by ids per level), or empty before the lists
	 * are built. May hold ids that no longer belong there: check the paths of what is
	 * read.
	 */
	public Optional<Set<String>> subtreeIds(Collection<String> rootIds) {
		Set<String> all = new LinkedHashSet<>(rootIds);
		Collection<String> frontier = rootIds;
		while (!frontier.isEmpty()) {
			Optional<List<String>> children = this.lookups.union(LookupLists.CHILDREN, frontier);
			if (children.isEmpty()) {
				return Optional.empty();
			}
			List<String> next = new ArrayList<>();
			for (String child : children.get()) {
				if (all.add(child)) {
					next.add(child);
				}
			}
			frontier = next;
		}
		return Optional.of(all);
	}

	/**
	 * {@link #subtreeIds(Collection)} through the request's memo: each organization's
	 * children are listed once per request.
	 */
	public Optional<Set<String>> subtreeIds(Collection<String> rootIds, Memo memo) {
		Set<String> all = new LinkedHashSet<>(rootIds);
		Collection<String> frontier = rootIds;
		while (!frontier.isEmpty()) {
			Map<String, List<String>> children;
			try {
				children = memo.get(CHILD_IDS, frontier,
						(missing) -> this.lookups.ids(LookupLists.CHILDREN, missing).orElseThrow(NotBuilt::new));
			}
			catch (NotBuilt ex) {
				return Optional.empty();
			}
			List<String> next = new ArrayList<>();
			children.values().forEach((ids) -> ids.forEach((child) -> {
				if (all.add(child)) {
					next.add(child);
				}
			}));
			frontier = next;
		}
		return Optional.of(all);
	}

	/**
	 * The ids listed as children of each organization, through the request's memo, or
	 * empty before the lists are built. May hold ids that no longer belong there: check
	 * the paths of what is read.
	 */
	public Optional<Map<String, List<String>>> childIds(Collection<String> parentIds, Memo memo) {
		try {
			return Optional.of(memo.get(CHILD_IDS, parentIds,
					(missing) -> this.lookups.ids(LookupLists.CHILDREN, missing).orElseThrow(NotBuilt::new)));
		}
		catch (NotBuilt ex) {
			return Optional.empty();
		}
	}

	/** The lookup list is not built yet: nothing is remembered, the caller scans. */
	private static final class NotBuilt extends RuntimeException {

		NotBuilt() {
			super(null, null, false, false);
		}

	}

	/** {@link #subtree(String)} through the request's memo. */
	public List<Organization> subtree(String rootId, Memo memo) {
		Optional<Set<String>> ids = subtreeIds(List.of(rootId), memo);
		if (ids.isEmpty()) {
			return this.mongo.find(Query.query(Criteria.where("path").is(rootId)), Organization.class);
		}
		return byIds(ids.get(), memo).values()
			.stream()
			.filter((organization) -> organization.path().contains(rootId))
			.toList();
	}

	/** The organization and everything below it. */
	public List<Organization> subtree(String rootId) {
		Optional<Set<String>> ids = subtreeIds(List.of(rootId));
		if (ids.isEmpty()) {
			return this.mongo.find(Query.query(Criteria.where("path").is(rootId)), Organization.class);
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids.get())), Organization.class)
			.stream()
			.filter((organization) -> organization.path().contains(rootId))
			.toList();
	}

	public List<Organization> find(Criteria criteria, Sort sort) {
		return this.mongo.find(Query.query(criteria).with(sort), Organization.class);
	}

}
