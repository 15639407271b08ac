package org.oversight.core.rectification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.bson.types.ObjectId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.FindingService;
import org.oversight.core.finding.TaskCounts;
import org.oversight.core.lookup.LookupSource;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationService;
import org.oversight.core.tally.SubtreeTallies;

/**
 * Assigns rectification tasks and applies their life-cycle commands. Each command loads
 * the aggregate, lets it decide, then writes only what changed, conditional on the
 * version the caller saw: a stale version is a CONFLICT and changes nothing.
 */
@Service
public class RectificationService implements TaskCounts {

	private final Rectifications rectifications;

	private final FindingService findings;

	private final OrganizationService organizations;

	private final CadreService cadres;

	private final MongoTemplate mongo;

	private final Today today;

	private final SubtreeTallies tallies;

	private final OpenTasks openTasks;

	RectificationService(Rectifications rectifications, FindingService findings, OrganizationService organizations,
			CadreService cadres, MongoTemplate mongo, Today today, SubtreeTallies tallies, OpenTasks openTasks) {
		this.tallies = tallies;
		this.openTasks = openTasks;
		this.rectifications = rectifications;
		this.findings = findings;
		this.organizations = organizations;
		this.cadres = cadres;
		this.mongo = mongo;
		this.today = today;
	}

	public record AssignRectification(String findingId, String responsibleOrganizationId, String responsibleCadreId,
			RectificationMode mode, String measures, LocalDate deadline) {
	}

	public Rectification assign(AssignRectification command) {
		Finding finding = this.findings.get("findingId", command.findingId());
		Organization organization = this.organizations.get("responsibleOrganizationId",
				command.responsibleOrganizationId());
		if (command.responsibleCadreId() != null) {
			this.cadres.get("responsibleCadreId", command.responsibleCadreId());
		}
		RectificationMode mode = Check.present("mode", command.mode());
		String measures = Check.text("measures", command.measures(), 10_000);
		LocalDate deadline = Check.present("deadline", command.deadline());
		Check.notBefore("deadline", deadline, "the finding's reportedOn", finding.reportedOn());
		organization.requireNotDissolved("responsibleOrganizationId");
		finding.requireNotDismissed();
		this.findings.reserveForTask(finding.id());
		Rectification task = Rectification.assign(new ObjectId().toHexString(), finding.id(), finding.subjectId(),
				finding.concernsPrincipal(), organization.id(), organization.path(), command.responsibleCadreId(), mode,
				measures, deadline, this.today.date(), Actor.current(),
				Stamp.created(this.today.now(), Actor.current()));
		this.openTasks.listing(task);
		Rectification saved = this.rectifications.insert(task);
		this.tallies.changed(RectificationTally.SOURCE, null, RectificationTally.counted(saved));
		this.findings.tasksChanged(finding.id());
		return saved;
	}

	public Rectification reportProgress(String id, String note, long version) {
		return change(id, version, (task) -> task.reportProgress(note, this.today.date(), Actor.current()));
	}

	public Rectification submit(String id, String report, LocalDate submittedOn, long version) {
		notAfterToday("submittedOn", submittedOn);
		return change(id, version, (task) -> task.submit(report, submittedOn, Actor.current()));
	}

	public Rectification verify(String id, boolean accepted, String comment, LocalDate decidedOn,
			BigDecimal fundsRecovered, long version) {
		notAfterToday("decidedOn", decidedOn);
		return change(id, version,
				(task) -> task.verify(accepted, comment, decidedOn, fundsRecovered, Actor.current()));
	}

	public Rectification extendDeadline(String id, LocalDate newDeadline, String reason, long version) {
		return change(id, version,
				(task) -> task.extendDeadline(newDeadline, reason, this.today.date(), Actor.current()));
	}

	public Rectification reassign(String id, String organizationId, String cadreId, long version) {
		Organization organization = this.organizations.get("responsibleOrganizationId", organizationId);
		if (cadreId != null) {
			this.cadres.get("responsibleCadreId", cadreId);
		}
		organization.requireNotDissolved("responsibleOrganizationId");
		return change(id, version, (task) -> task.reassign(organization.id(), organization.path(), cadreId,
				this.today.date(), Actor.current(), "→ " + organization.code() + " " + organization.name()));
	}

	private void notAfterToday(String field, LocalDate day) {
		if (day != null && day.isAfter(this.today.date())) {
			throw DomainException.invalid(field, "is after today");
		}
	}

	private Rectification change(String id, long version, Consumer<Rectification> command) {
		Rectification task = get("id", id);
		RectificationStatus before = task.status();
		SubtreeTallies.Counted countedBefore = RectificationTally.counted(task);
		java.util.Set<String> listedBefore = OpenTasks.keys(task);
		command.accept(task);
		if (task.version() != version) {
			throw DomainException.conflict("Rectification " + id + " is at version " + task.version() + ", not "
					+ version + "; read it again");
		}
		Update update = new Update().set("status", task.status())
			.set("deadline", task.deadline())
			.set("responsibleOrganizationId", task.responsibleOrganizationId())
			.set("orgPath", task.orgPath())
			.set("responsibleCadreId", task.responsibleCadreId())
			.set("submittedOn", task.submittedOn())
			.set("verifiedOn", task.verifiedOn())
			.set("fundsRecovered", task.fundsRecovered())
			.set("stamp.updatedAt", this.today.now())
			.set("stamp.updatedBy", Actor.current())
			.inc("version", 1);
		update.push("history").each(task.newEvents().toArray());
		this.openTasks.listing(task);
		var result = this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("version").is(version)),
				update, Rectification.class);
		if (result.getModifiedCount() == 0) {
			throw DomainException.conflict("Rectification " + id + " changed meanwhile; read it again");
		}
		this.tallies.changed(RectificationTally.SOURCE, countedBefore, RectificationTally.counted(task));
		this.openTasks.unlisting(listedBefore, task);
		if ((before == RectificationStatus.VERIFIED) != (task.status() == RectificationStatus.VERIFIED)) {
			this.findings.tasksChanged(task.findingId());
		}
		return get("id", id);
	}

	public Rectification get(String field, String id) {
		if (id == null || !ObjectId.isValid(id)) {
			throw DomainException.notFound(field, "Rectification", id);
		}
		return this.rectifications.findById(id).orElseThrow(() -> DomainException.notFound(field, "Rectification", id));
	}

	public List<Rectification> ofFinding(String findingId) {
		return this.rectifications.findByFindingId(findingId);
	}

	@Override
	public Counts of(String findingId) {
		Query query = Query.query(Criteria.where("findingId").is(findingId));
		int tasks = (int) this.mongo.count(query, Rectification.class);
		int verified = (int) this.mongo.count(
				Query.query(Criteria.where("findingId").is(findingId).and("status").is(RectificationStatus.VERIFIED)),
				Rectification.class);
		return new Counts(tasks, verified);
	}

	@Configuration(proxyBeanMethods = false)
	static class Collections {

		@Bean
		OrgPathCollection rectificationsCollection() {
			return new OrgPathCollection("rectifications");
		}

		@Bean
		LookupSource openTasksList() {
			return OpenTasks.LIST;
		}

	}

}
