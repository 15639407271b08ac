package org.oversight.core.rectification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.CadreService;
import org.oversight.core.common.Actor;
import org.oversight.core.common.Batches;
import org.oversight.core.common.ById;
import org.oversight.core.common.Check;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.OrgPathCollection;
import org.oversight.core.common.Stamp;
import org.oversight.core.common.Today;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.FindingService;
import org.oversight.core.finding.TaskCounts;
import org.oversight.core.lookup.LookupSource;
import org.oversight.core.mongo.InQueries;
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

	static final int BATCH = 50_000;

	private final Rectifications rectifications;

	private final FindingService findings;

	private final OrganizationService organizations;

	private final CadreService cadres;

	private final MongoTemplate mongo;

	private final Today today;

	private final SubtreeTallies tallies;

	private final OpenTasks openTasks;

	private final InQueries inQueries;

	RectificationService(Rectifications rectifications, FindingService findings, OrganizationService organizations,
			CadreService cadres, MongoTemplate mongo, Today today, SubtreeTallies tallies, OpenTasks openTasks,
			InQueries inQueries) {
		this.inQueries = inQueries;
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

	/** What {@link #assignAll} did with one command: the task, or why not. */
	public record Assigned(AssignRectification command, @Nullable Rectification task,
			@Nullable DomainException refused) {
	}

	public Rectification assign(AssignRectification command) {
		Assigned assigned = assignAll(List.of(command)).get(0);
		if (assigned.refused() != null) {
			throw assigned.refused();
		}
		return assigned.task();
	}

	/**
	 * Assigns many tasks, each checked exactly as {@link #assign} checks one: up to
	 * {@value #BATCH} commands share one read of their findings, organizations and
	 * cadres; the tasks are listed and stored with one write each, then their findings
	 * reserved with one write (a finding dismissed meanwhile has its tasks withdrawn and
	 * refused as a CONFLICT), the tasks counted, and their findings recounted together.
	 * For bulk imports.
	 */
	public List<Assigned> assignAll(List<AssignRectification> commands) {
		return Batches.of(commands, BATCH, this::assignBatch);
	}

	private List<Assigned> assignBatch(List<AssignRectification> commands) {
		ById<Finding> findings = ById.of("Finding", this.inQueries.byIds(Finding.class,
				ById.valid(commands.stream().map(AssignRectification::findingId).toList())), Finding::id);
		ById<Organization> organizations = ById.of("Organization",
				this.inQueries.byIds(Organization.class,
						ById.valid(commands.stream().map(AssignRectification::responsibleOrganizationId).toList())),
				Organization::id);
		ById<Cadre> cadres = ById.of("Cadre",
				this.inQueries.byIds(Cadre.class,
						ById.valid(commands.stream().map(AssignRectification::responsibleCadreId).toList())),
				Cadre::id);
		LocalDate today = this.today.date();
		String actor = Actor.current();
		Stamp stamp = Stamp.created(this.today.now(), actor);
		Rectification[] planned = new Rectification[commands.size()];
		DomainException[] refused = new DomainException[commands.size()];
		for (int i = 0; i < commands.size(); i++) {
			AssignRectification command = commands.get(i);
			try {
				Finding finding = findings.get("findingId", command.findingId());
				Organization organization = organizations.get("responsibleOrganizationId",
						command.responsibleOrganizationId());
				if (command.responsibleCadreId() != null) {
					cadres.get("responsibleCadreId", command.responsibleCadreId());
				}
				RectificationMode mode = Check.present("mode", command.mode());
				String measures = Check.text("measures", command.measures(), 10_000);
				LocalDate deadline = Check.present("deadline", command.deadline());
				Check.notBefore("deadline", deadline, "the finding's reportedOn", finding.reportedOn());
				organization.requireNotDissolved("responsibleOrganizationId");
				finding.requireNotDismissed();
				planned[i] = Rectification.assign(new ObjectId().toHexString(), finding.id(), finding.subjectId(),
						finding.concernsPrincipal(), organization.id(), organization.path(),
						command.responsibleCadreId(), mode, measures, deadline, today, actor, stamp);
			}
			catch (DomainException ex) {
				refused[i] = ex;
			}
		}
		List<Rectification> tasks = new ArrayList<>();
		for (Rectification task : planned) {
			if (task != null) {
				tasks.add(task);
			}
		}
		if (!tasks.isEmpty()) {
			this.openTasks.listing(tasks);
			this.mongo.insert(tasks, Rectification.class);
			// the findings reserved once their tasks are stored: a dismissal that counted
			// their tasks before either fails on the bump or is seen by it, and then the
			// tasks are withdrawn
			Set<String> dismissed = this.findings
				.reserveForTasks(tasks.stream().map(Rectification::findingId).distinct().toList());
			if (!dismissed.isEmpty()) {
				List<String> withdrawn = new ArrayList<>();
				for (int i = 0; i < planned.length; i++) {
					if (planned[i] != null && dismissed.contains(planned[i].findingId())) {
						withdrawn.add(planned[i].id());
						refused[i] = DomainException
							.conflict("Finding " + planned[i].findingId() + " was dismissed meanwhile");
						planned[i] = null;
					}
				}
				this.mongo.remove(Query.query(Criteria.where("_id").in(withdrawn)), Rectification.class);
				tasks.removeIf((task) -> dismissed.contains(task.findingId()));
			}
			this.tallies.changedAll(RectificationTally.SOURCE,
					tasks.stream()
						.map((task) -> new SubtreeTallies.Change(null, RectificationTally.counted(task)))
						.toList());
			this.findings.tasksChangedAll(tasks.stream().map(Rectification::findingId).distinct().toList());
		}
		List<Assigned> results = new ArrayList<>();
		for (int i = 0; i < commands.size(); i++) {
			results.add(new Assigned(commands.get(i), planned[i], refused[i]));
		}
		return results;
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
	public Map<String, Counts> ofAll(Collection<String> findingIds) {
		Map<String, int[]> counted = new HashMap<>();
		for (Rectification task : this.inQueries.find(Rectification.class, null, "findingId", findingIds,
				Rectification::findingId)) {
			int[] count = counted.computeIfAbsent(task.findingId(), (k) -> new int[2]);
			count[0]++;
			if (task.status() == RectificationStatus.VERIFIED) {
				count[1]++;
			}
		}
		Map<String, Counts> result = new HashMap<>();
		counted.forEach((id, count) -> result.put(id, new Counts(count[0], count[1])));
		return result;
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
