package org.oversight.core.finding;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bson.types.ObjectId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import org.oversight.core.cadre.CadreService;
import org.oversight.core.common.Actor;
import org.oversight.core.common.Check;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.OrgPathCollection;
import org.oversight.core.common.Stamp;
import org.oversight.core.common.Today;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationService;
import org.oversight.core.tally.SubtreeTallies;

/**
 * Registers, corrects and dismisses findings, and keeps their status in step with their
 * tasks.
 */
@Service
public class FindingService {

	private final Findings findings;

	private final CadreService cadres;

	private final OrganizationService organizations;

	private final MongoTemplate mongo;

	private final Today today;

	private final TaskCounts taskCounts;

	private final SubtreeTallies tallies;

	FindingService(Findings findings, CadreService cadres, OrganizationService organizations, MongoTemplate mongo,
			Today today, @Lazy TaskCounts taskCounts, SubtreeTallies tallies) {
		this.tallies = tallies;
		this.findings = findings;
		this.cadres = cadres;
		this.organizations = organizations;
		this.mongo = mongo;
		this.today = today;
		this.taskCounts = taskCounts;
	}

	public record RegisterFinding(FindingSource source, FindingCategory category, Severity severity, String description,
			String organizationId, String subjectId, LocalDate reportedOn, DispositionForm disposition,
			String informant) {
	}

	public record CorrectFinding(FindingCategory category, Severity severity, String description,
			DispositionForm disposition) {
	}

	/**
	 * Registers a finding. Whether it concerns a principal is fixed now, from the
	 * appointments on its reported date. The informant is written first, keyed by the new
	 * finding's id, so the finding never exists without it.
	 */
	public Finding register(RegisterFinding command) {
		FindingSource source = Check.present("source", command.source());
		FindingCategory category = Check.present("category", command.category());
		Severity severity = Check.present("severity", command.severity());
		String description = Check.text("description", command.description(), 10_000);
		Organization organization = this.organizations.get("organizationId", command.organizationId());
		LocalDate reportedOn = Check.present("reportedOn", command.reportedOn());
		if (reportedOn.isAfter(this.today.date())) {
			throw DomainException.invalid("reportedOn", "is after today");
		}
		boolean concernsPrincipal = false;
		if (command.subjectId() != null) {
			this.cadres.get("subjectId", command.subjectId());
			concernsPrincipal = this.cadres.holdsPrincipal(command.subjectId(), organization.id(), reportedOn);
		}
		String informant = Check.optionalText("informant", command.informant(), 500);
		String id = new ObjectId().toHexString();
		if (informant != null) {
			this.mongo.save(new FindingInformant(id, informant));
		}
		Finding finding = new Finding(id, source, category, severity, description, organization.id(),
				organization.path(), command.subjectId(), concernsPrincipal, reportedOn, command.disposition(),
				informant != null, Stamp.created(this.today.now(), Actor.current()));
		Finding saved = this.findings.insert(finding);
		this.tallies.changed(FindingTally.SOURCE, null, FindingTally.counted(saved));
		return saved;
	}

	public Finding correct(String id, CorrectFinding command) {
		Finding finding = get("id", id);
		if (command.category() == null && command.severity() == null && command.description() == null
				&& command.disposition() == null) {
			throw DomainException.invalid("input", "names nothing to correct");
		}
		finding.requireNotDismissed();
		Update update = new Update().inc("version", 1)
			.set("stamp.updatedAt", this.today.now())
			.set("stamp.updatedBy", Actor.current());
		if (command.description() != null) {
			update.set("description", Check.text("description", command.description(), 10_000));
		}
		if (command.category() != null) {
			update.set("category", command.category());
		}
		if (command.severity() != null) {
			update.set("severity", command.severity()).set("severityRank", command.severity().ordinal());
		}
		if (command.disposition() != null) {
			update.set("disposition", command.disposition());
		}
		Finding before = this.mongo.findAndModify(Query.query(Criteria.where("_id")
			.is(id)
			.and("version")
			.is(finding.version())
			.and("status")
			.ne(FindingStatus.DISMISSED)), update, Finding.class);
		if (before == null) {
			throw DomainException.conflict("Finding " + id + " changed meanwhile; read it again");
		}
		this.tallies.changed(FindingTally.SOURCE, FindingTally.counted(before),
				FindingTally.counted(before, before.status(),
						(command.severity() != null) ? command.severity() : before.severity(),
						(command.category() != null) ? command.category() : before.category()));
		return get("id", id);
	}

	/**
	 * Dismisses a finding shown untrue, recording the clearing. Refused while a task is
	 * not VERIFIED; the write is conditional on the version read, so a task assigned
	 * meanwhile (which bumps it) makes this a CONFLICT rather than a lost rule.
	 */
	public Finding dismiss(String id, String reason) {
		Finding finding = get("id", id);
		String text = Check.text("reason", reason, 10_000);
		finding.requireNotDismissed();
		if (this.taskCounts.of(id).anyUnverified()) {
			throw DomainException.conflict("Finding " + id + " has rectification tasks that are not VERIFIED");
		}
		Finding before = this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(id).and("version").is(finding.version())),
				new Update().set("status", FindingStatus.DISMISSED)
					.set("dismissalReason", text)
					.set("dismissedOn", this.today.date())
					.inc("version", 1)
					.set("stamp.updatedAt", this.today.now())
					.set("stamp.updatedBy", Actor.current()),
				Finding.class);
		if (before == null) {
			throw DomainException.conflict("Finding " + id + " changed meanwhile; read it again");
		}
		this.tallies.changed(FindingTally.SOURCE, FindingTally.counted(before),
				FindingTally.counted(before, FindingStatus.DISMISSED, before.severity(), before.category()));
		return get("id", id);
	}

	/**
	 * Reserves the finding for a new task: refused when dismissed; bumps the version so a
	 * concurrent dismissal fails.
	 */
	public Finding reserveForTask(String findingId) {
		Finding finding = get("findingId", findingId);
		finding.requireNotDismissed();
		Finding reserved = this.mongo.findAndModify(
				Query.query(Criteria.where("_id")
					.is(findingId)
					.and("version")
					.is(finding.version())
					.and("status")
					.ne(FindingStatus.DISMISSED)),
				new Update().inc("version", 1), FindingAndModifyOptionsHolder.RETURN_NEW, Finding.class);
		if (reserved == null) {
			throw DomainException.conflict("Finding " + findingId + " changed meanwhile; try again");
		}
		return reserved;
	}

	/**
	 * Recounts the finding's tasks and sets its status. The revision taken before the
	 * count orders concurrent recounts: the one that counted last wins.
	 */
	public void tasksChanged(String findingId) {
		Finding revised = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(findingId)),
				new Update().inc("taskRevision", 1), FindingAndModifyOptionsHolder.RETURN_NEW, Finding.class);
		if (revised == null) {
			return;
		}
		TaskCounts.Counts counts = this.taskCounts.of(findingId);
		FindingStatus status = Finding.statusFor(counts.tasks(), counts.verified());
		Update update = new Update().set("tasks", counts.tasks())
			.set("verifiedTasks", counts.verified())
			.set("statusRevision", revised.taskRevision())
			.set("status", status);
		Finding before = this.mongo.findAndModify(Query.query(Criteria.where("_id")
			.is(findingId)
			.and("statusRevision")
			.lt(revised.taskRevision())
			.and("status")
			.ne(FindingStatus.DISMISSED)), update, Finding.class);
		if (before != null) {
			this.tallies.changed(FindingTally.SOURCE, FindingTally.counted(before),
					FindingTally.counted(before, status, before.severity(), before.category()));
		}
	}

	public Finding get(String field, String id) {
		if (id == null || !ObjectId.isValid(id)) {
			throw DomainException.notFound(field, "Finding", id);
		}
		return this.findings.findById(id).orElseThrow(() -> DomainException.notFound(field, "Finding", id));
	}

	/**
	 * The informants of the findings that have one. The caller checks rights and audits.
	 */
	public Map<String, String> informants(Collection<String> findingIds) {
		if (findingIds.isEmpty()) {
			return Map.of();
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(findingIds)), FindingInformant.class)
			.stream()
			.collect(Collectors.toMap(FindingInformant::findingId, FindingInformant::informant));
	}

	public List<Finding> getAll(Collection<String> ids) {
		return this.findings.findByIdIn(ids);
	}

	static final class FindingAndModifyOptionsHolder {

		static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

	}

	@Configuration(proxyBeanMethods = false)
	static class Collections {

		@Bean
		OrgPathCollection findingsCollection() {
			return new OrgPathCollection("findings");
		}

	}

}
