package org.oversight.core.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.bson.types.ObjectId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import org.oversight.core.common.Actor;
import org.oversight.core.common.Check;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.OrgPathCollection;
import org.oversight.core.common.Stamp;
import org.oversight.core.common.Today;
import org.oversight.core.lookup.LookupLists;

/**
 * Creates, moves and dissolves organizations. There are no transactions: every write is a
 * single-document atomic operation or an idempotent sequence that a retry of the same
 * command completes.
 */
@Service
public class OrganizationService {

	private final Organizations organizations;

	private final MongoTemplate mongo;

	private final Today today;

	private final List<OrgPathCollection> owned;

	private final ObjectProvider<OrganizationLifecycleListener> listeners;

	private final LookupLists lookups;

	OrganizationService(LookupLists lookups, Organizations organizations, MongoTemplate mongo, Today today,
			List<OrgPathCollection> owned, ObjectProvider<OrganizationLifecycleListener> listeners) {
		this.lookups = lookups;
		this.organizations = organizations;
		this.mongo = mongo;
		this.today = today;
		this.owned = owned;
		this.listeners = listeners;
	}

	public record CreateOrganization(String code, String name, OrgKind kind, OrgLevel level, String parentId) {
	}

	public Organization create(CreateOrganization command) {
		String code = Check.code("code", command.code());
		String name = Check.text("name", command.name(), 200);
		OrgKind kind = Check.present("kind", command.kind());
		OrgLevel level = Check.present("level", command.level());
		Organization parent = null;
		if (command.parentId() != null) {
			parent = get("parentId", command.parentId());
			parent.requireNotDissolved("parentId");
			if (!parent.level().mayHoldChildAt(level)) {
				throw DomainException.invalid("level",
						"an organization at " + level + " cannot sit below one at " + parent.level());
			}
		}
		if (this.organizations.existsByCode(code)) {
			throw DomainException.conflict("An organization with code " + code + " already exists");
		}
		Organization organization = new Organization(new ObjectId().toHexString(), code, name, kind, level, parent,
				Stamp.created(this.today.now(), Actor.current()));
		if (parent != null) {
			this.lookups.add(LookupLists.CHILDREN, parent.id(), organization.id());
		}
		try {
			return this.organizations.insert(organization);
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("An organization with code " + code + " already exists");
		}
	}

	/**
	 * Moves the organization and everything below it under a new parent. The moved
	 * organization first records where it came from, then every path below it and in
	 * every owned collection is rewritten by idempotent updates; a retry finishes a move
	 * that was cut off.
	 */
	public Organization move(String id, String newParentId) {
		Organization moved = get("id", id);
		Organization newParent = get("newParentId", newParentId);
		if (newParent.isWithin(moved.id())) {
			throw DomainException.invalid("newParentId", "cannot move an organization under itself or a descendant");
		}
		newParent.requireNotDissolved("newParentId");
		if (!newParent.level().mayHoldChildAt(moved.level())) {
			throw DomainException.invalid("newParentId",
					"an organization at " + moved.level() + " cannot sit below one at " + newParent.level());
		}
		List<String> oldAncestors = (moved.pendingMoveFrom() != null) ? moved.pendingMoveFrom() : moved.ancestorIds();
		List<String> newAncestors = newParent.path();
		List<String> newPath = new ArrayList<>(newAncestors);
		newPath.add(moved.id());
		this.lookups.add(LookupLists.CHILDREN, newParent.id(), moved.id());
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(moved.id())),
				new Update().set("parentId", newParent.id())
					.set("pendingMoveFrom", oldAncestors)
					.set("stamp.updatedAt", this.today.now())
					.set("stamp.updatedBy", Actor.current()),
				Organization.class);
		List<String> stale = new ArrayList<>(oldAncestors);
		stale.addAll(newAncestors);
		rewritePaths("organizations", "path", moved.id(), stale, newAncestors);
		for (OrgPathCollection collection : this.owned) {
			rewritePaths(collection.collection(), OrgPathCollection.FIELD, moved.id(), stale, newAncestors);
		}
		this.listeners.orderedStream().forEach((listener) -> listener.organizationMoved(moved.id()));
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(moved.id())), new Update().unset("pendingMoveFrom"),
				Organization.class);
		if (!oldAncestors.isEmpty() && !oldAncestors.get(oldAncestors.size() - 1).equals(newParent.id())) {
			this.lookups.remove(LookupLists.CHILDREN, oldAncestors.get(oldAncestors.size() - 1), moved.id());
		}
		return get("id", id);
	}

	/**
	 * Replaces the part of each path above {@code movedId}: first removes every stale
	 * ancestor (old and new, so a repeat starts clean), then puts the new ones in front
	 * where the path now starts with the moved organization.
	 */
	private void rewritePaths(String collection, String field, String movedId, List<String> stale,
			List<String> newAncestors) {
		if (!stale.isEmpty()) {
			this.mongo.updateMulti(Query.query(Criteria.where(field).is(movedId)),
					new Update().pullAll(field, stale.toArray()), collection);
		}
		if (!newAncestors.isEmpty()) {
			this.mongo.updateMulti(Query.query(Criteria.where(field + ".0").is(movedId)),
					new Update().push(field).atPosition(0).each(newAncestors.toArray()), collection);
		}
	}

	/**
	 * Dissolves the organization on the day: ends every appointment still running then,
	 * and marks it dissolved. Refused while an organization below it still exists.
	 */
	public Organization dissolve(String id, LocalDate on) {
		Organization organization = get("id", id);
		Check.present("on", on);
		if (organization.dissolved()) {
			throw DomainException.conflict("Organization " + organization.code() + " is already dissolved");
		}
		if (this.organizations.hasLivingDescendant(organization.id())) {
			throw DomainException.conflict("Organization " + organization.code()
					+ " still has organizations below it; dissolve or move them first");
		}
		this.listeners.orderedStream().forEach((listener) -> listener.organizationDissolving(organization, on));
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("dissolvedOn", on)
					.set("stamp.updatedAt", this.today.now())
					.set("stamp.updatedBy", Actor.current()),
				Organization.class);
		return get("id", id);
	}

	public Organization get(String field, String id) {
		if (id == null || !ObjectId.isValid(id)) {
			throw DomainException.notFound(field, "Organization", id);
		}
		return this.organizations.findById(id).orElseThrow(() -> DomainException.notFound(field, "Organization", id));
	}

	public Organization getByCode(String field, String code) {
		return this.organizations.findByCode(code)
			.orElseThrow(() -> DomainException.notFound(field, "Organization", code));
	}

}
