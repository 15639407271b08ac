package org.oversight.core.supervision;

import java.time.LocalDate;

import org.bson.types.ObjectId;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import org.oversight.core.cadre.CadreService;
import org.oversight.core.common.Actor;
import org.oversight.core.common.Check;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.Stamp;
import org.oversight.core.common.Today;
import org.oversight.core.lookup.LookupLists;
import org.oversight.core.lookup.LookupSource;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationService;

/** Adds and ends the supervision arrangements the tree cannot show. */
@Service
public class SupervisionService {

	/** The stored edges of a cadre supervised, by {@code subjectId}. */
	public static final LookupSource SUBJECT_EDGES = LookupSource.byField("subject-edges", "supervisions", "subjectId");

	/** The stored edges of a supervising cadre, by {@code supervisorId}. */
	public static final LookupSource SUPERVISOR_EDGES = LookupSource.byField("supervisor-edges", "supervisions",
			"supervisorId");

	private final StoredSupervisions stored;

	private final CadreService cadres;

	private final OrganizationService organizations;

	private final MongoTemplate mongo;

	private final Today today;

	private final LookupLists lookups;

	SupervisionService(StoredSupervisions stored, CadreService cadres, OrganizationService organizations,
			MongoTemplate mongo, Today today, LookupLists lookups) {
		this.lookups = lookups;
		this.stored = stored;
		this.cadres = cadres;
		this.organizations = organizations;
		this.mongo = mongo;
		this.today = today;
	}

	public record AddSupervision(String supervisorId, String subjectId, SupervisionKind kind, String organizationId,
			LocalDate from, LocalDate to) {
	}

	public StoredSupervision add(AddSupervision command) {
		SupervisionKind kind = Check.present("kind", command.kind());
		if (!kind.stored()) {
			throw DomainException.invalid("kind", "only STATIONED and ASSIGNED edges are added by hand");
		}
		this.cadres.get("supervisorId", command.supervisorId());
		this.cadres.get("subjectId", command.subjectId());
		if (command.supervisorId().equals(command.subjectId())) {
			throw DomainException.invalid("subjectId", "a cadre never supervises themself");
		}
		Organization organization = this.organizations.get("organizationId", command.organizationId());
		LocalDate from = Check.present("from", command.from());
		Check.notBefore("to", command.to(), "from", from);
		StoredSupervision edge = new StoredSupervision(new ObjectId().toHexString(), command.supervisorId(),
				command.subjectId(), kind, organization.id(), organization.path(), from, command.to(),
				Stamp.created(this.today.now(), Actor.current()));
		// listed before it is stored: an id too many, never one too few
		this.lookups.add(SUBJECT_EDGES, edge.subjectId(), edge.id());
		this.lookups.add(SUPERVISOR_EDGES, edge.supervisorId(), edge.id());
		return this.stored.insert(edge);
	}

	public StoredSupervision end(String id, LocalDate to) {
		StoredSupervision edge = get("id", id);
		Check.present("to", to);
		Check.notBefore("to", to, "from", edge.from());
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("to", to)
					.set("stamp.updatedAt", this.today.now())
					.set("stamp.updatedBy", Actor.current()),
				StoredSupervision.class);
		return get("id", id);
	}

	public StoredSupervision get(String field, String id) {
		if (id == null || !ObjectId.isValid(id)) {
			throw DomainException.notFound(field, "Supervision", id);
		}
		return this.stored.findById(id).orElseThrow(() -> DomainException.notFound(field, "Supervision", id));
	}

}
