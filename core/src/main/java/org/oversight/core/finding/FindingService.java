package org.oversight.core.finding;

import java.time.LocalDate;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import org.oversight.core.cadre.Appointment;
import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.common.Actor;
import org.oversight.core.common.Batches;
import org.oversight.core.common.ById;
import org.oversight.core.common.Check;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.OrgPathCollection;
import org.oversight.core.common.Stamp;
import org.oversight.core.common.Today;
import org.oversight.core.mongo.InQueries;
import org.oversight.core.organization.Organization;
import org.oversight.core.tally.SubtreeTallies;

/**
 * Registers, corrects and dismisses findings, and keeps their status in step with their
 * tasks.
 */
@Service
public class FindingService {

	static final int BATCH = 50_000;

	private static final int DUPLICATE_KEY = 11000;

	/** The sequence that orders recounts of findings' tasks. */
	public static final String RECOUNTS = "finding_recounts";

	private static final int RECOUNT_ATTEMPTS = 5;

	private static final Logger logger = LoggerFactory.getLogger(FindingService.class);

	private final Findings findings;

	private final InQueries inQueries;

	private final MongoTemplate mongo;

	private final Today today;

	private final TaskCounts taskCounts;

	private final SubtreeTallies tallies;

	FindingService(Findings findings, InQueries inQueries, MongoTemplate mongo, Today today,
			@Lazy TaskCounts taskCounts, SubtreeTallies tallies) {
		this.tallies = tallies;
		this.findings = findings;
		this.inQueries = inQueries;
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

	/** A finding to register under an id chosen beforehand (an import's reserved key). */
	public record Registration(String id, RegisterFinding command) {
	}

	/** What {@link #registerAll} did with one registration: the finding, or why not. */
	public record Registered(Registration registration, @Nullable Finding finding, @Nullable DomainException refused) {
	}

	/**
	 * Registers a finding. Whether it concerns a principal is fixed now, from the
	 * appointments on its reported date. The informant is written first, keyed by the new
	 * finding's id, so the finding never exists without it.
	 */
	public Finding register(RegisterFinding command) {
		Registered registered = registerAll(List.of(new Registration(new ObjectId().toHexString(), command))).get(0);
		if (registered.refused() != null) {
			throw registered.refused();
		}
		return registered.finding();
	}

	/**
	 * Registers many findings, each checked exactly as {@link #register} checks one: up
	 * to {@value #BATCH} share one read of their organizations, subjects and the
	 * subjects' posts, one write of the informants, one insert and one write of the
	 * tallies. A registration whose id is taken (registered meanwhile, as by a concurrent
	 * import of the same key) is refused as a CONFLICT. For bulk imports.
	 */
	public List<Registered> registerAll(List<Registration> registrations) {
		return Batches.of(registrations, BATCH, this::registerBatch);
	}

	private List<Registered> registerBatch(List<Registration> registrations) {
		Set<String> subjectIds = ById.valid(registrations.stream().map((r) -> r.command().subjectId()).toList());
		ById<Organization> organizations = ById.of("Organization",
				this.inQueries.byIds(Organization.class,
						ById.valid(registrations.stream().map((r) -> r.command().organizationId()).toList())),
				Organization::id);
		ById<Cadre> subjects = ById.of("Cadre", this.inQueries.byIds(Cadre.class, subjectIds), Cadre::id);
		Map<String, List<Appointment>> posts = this.inQueries
			.find(Appointment.class, Criteria.where("role").is(TeamRole.PRINCIPAL), "cadreId", subjectIds,
					Appointment::cadreId)
			.stream()
			.collect(Collectors.groupingBy(Appointment::cadreId));
		Stamp stamp = Stamp.created(this.today.now(), Actor.current());
		Finding[] planned = new Finding[registrations.size()];
		DomainException[] refused = new DomainException[registrations.size()];
		List<FindingInformant> informants = new ArrayList<>();
		for (int i = 0; i < registrations.size(); i++) {
			Registration registration = registrations.get(i);
			try {
				RegisterFinding command = registration.command();
				FindingSource source = Check.present("source", command.source());
				FindingCategory category = Check.present("category", command.category());
				Severity severity = Check.present("severity", command.severity());
				String description = Check.text("description", command.description(), 10_000);
				Organization organization = organizations.get("organizationId", command.organizationId());
				LocalDate reportedOn = Check.present("reportedOn", command.reportedOn());
				if (reportedOn.isAfter(this.today.date())) {
					throw DomainException.invalid("reportedOn", "is after today");
				}
				boolean concernsPrincipal = false;
				if (command.subjectId() != null) {
					subjects.get("subjectId", command.subjectId());
					concernsPrincipal = posts.getOrDefault(command.subjectId(), List.of())
						.stream()
						.anyMatch((a) -> a.organizationId().equals(organization.id()) && a.activeOn(reportedOn));
				}
				String informant = Check.optionalText("informant", command.informant(), 500);
				if (informant != null) {
					informants.add(new FindingInformant(registration.id(), informant));
				}
				planned[i] = new Finding(registration.id(), source, category, severity, description, organization.id(),
						organization.path(), command.subjectId(), concernsPrincipal, reportedOn, command.disposition(),
						informant != null, stamp);
			}
			catch (DomainException ex) {
				refused[i] = ex;
			}
		}
		if (!informants.isEmpty()) {
			BulkOperations write = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, FindingInformant.class);
			informants
				.forEach((informant) -> write.replaceOne(Query.query(Criteria.where("_id").is(informant.findingId())),
						informant, FindAndReplaceOptions.options().upsert()));
			write.execute();
		}
		List<Integer> inserting = new ArrayList<>();
		for (int i = 0; i < planned.length; i++) {
			if (planned[i] != null) {
				inserting.add(i);
			}
		}
		if (!inserting.isEmpty()) {
			try {
				this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Finding.class)
					.insert(inserting.stream().map((i) -> planned[i]).toList())
					.execute();
			}
			catch (BulkOperationException ex) {
				if (ex.getErrors().stream().anyMatch((error) -> error.getCode() != DUPLICATE_KEY)) {
					throw ex;
				}
				ex.getErrors().forEach((error) -> {
					int i = inserting.get(error.getIndex());
					refused[i] = DomainException.conflict("Finding " + planned[i].id() + " was registered meanwhile");
					planned[i] = null;
				});
			}
		}
		List<SubtreeTallies.Change> changes = new ArrayList<>();
		List<Registered> results = new ArrayList<>();
		for (int i = 0; i < planned.length; i++) {
			if (planned[i] != null) {
				changes.add(new SubtreeTallies.Change(null, FindingTally.counted(planned[i])));
			}
			results.add(new Registered(registrations.get(i), planned[i], refused[i]));
		}
		this.tallies.changedAll(FindingTally.SOURCE, changes);
		return results;
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
	 * Reserves findings for new tasks: bumps the version of each, so a concurrent
	 * dismissal that read it before fails, and reads them back (two commands, by
	 * {@code _id} only: the embedded server scans for any other filter). Answers the
	 * findings not reserved (dismissed, or gone), whose tasks are refused.
	 */
	public Set<String> reserveForTasks(Collection<String> findingIds) {
		if (findingIds.isEmpty()) {
			return Set.of();
		}
		BulkOperations reserve = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Finding.class);
		findingIds.forEach(
				(id) -> reserve.updateOne(Query.query(Criteria.where("_id").is(id)), new Update().inc("version", 1)));
		reserve.execute();
		Set<String> lost = new LinkedHashSet<>(findingIds);
		this.inQueries.byIds(Finding.class, findingIds)
			.stream()
			.filter((finding) -> !finding.dismissed())
			.forEach((finding) -> lost.remove(finding.id()));
		return lost;
	}

	/**
	 * Recounts the finding's tasks and sets its status. Recounts are ordered by a number
	 * drawn after the change they follow: one that counted earlier never overwrites a
	 * later one's answer.
	 */
	public void tasksChanged(String findingId) {
		tasksChangedAll(List.of(findingId));
	}

	/**
	 * Recounts the tasks of many findings and sets their status, as {@link #tasksChanged}
	 * does for one. One number is drawn for the batch from the sequence
	 * {@value #RECOUNTS} (after the changes, so higher than any recount that counted
	 * before them), the findings and their tasks are read once, and the findings are
	 * written in groups of the same answer with one update each: only where the status is
	 * still the one read and no later recount wrote, so the tallies move by exactly the
	 * change made. A finding a concurrent write changed meanwhile is counted again.
	 */
	public void tasksChangedAll(Collection<String> findingIds) {
		List<String> ids = List.copyOf(ById.valid(findingIds));
		for (int i = 0; i < ids.size(); i += BATCH) {
			List<String> batch = ids.subList(i, Math.min(ids.size(), i + BATCH));
			for (int attempt = 0; !batch.isEmpty(); attempt++) {
				if (attempt == RECOUNT_ATTEMPTS) {
					logger.warn("Findings {} kept changing while recounted; the next change recounts them", batch);
					break;
				}
				batch = recount(batch);
			}
		}
	}

	/** Recounts the findings; answers those to count again. */
	private List<String> recount(List<String> ids) {
		long revision = nextRecount();
		Map<String, TaskCounts.Counts> counts = this.taskCounts.ofAll(ids);
		Map<List<Object>, List<Finding>> groups = new LinkedHashMap<>();
		for (Finding finding : this.inQueries.byIds(Finding.class, ids)) {
			if (finding.dismissed()) {
				continue;
			}
			TaskCounts.Counts count = counts.getOrDefault(finding.id(), new TaskCounts.Counts(0, 0));
			FindingStatus status = Finding.statusFor(count.tasks(), count.verified());
			groups
				.computeIfAbsent(List.of(finding.status(), count.tasks(), count.verified(), status),
						(k) -> new ArrayList<>())
				.add(finding);
		}
		List<SubtreeTallies.Change> changes = new ArrayList<>();
		List<String> again = new ArrayList<>();
		groups.forEach((group, findings) -> {
			FindingStatus before = (FindingStatus) group.get(0);
			FindingStatus after = (FindingStatus) group.get(3);
			List<String> groupIds = findings.stream().map(Finding::id).toList();
			long written = this.inQueries.updateWhere(Finding.class, groupIds,
					Criteria.where("status").is(before).and("statusRevision").lt(revision),
					new Update().set("tasks", group.get(1))
						.set("verifiedTasks", group.get(2))
						.set("status", after)
						.set("statusRevision", revision));
			List<Finding> applied = findings;
			if (written < findings.size()) {
				applied = writtenBy(revision, findings, again);
			}
			applied.forEach((finding) -> changes.add(new SubtreeTallies.Change(FindingTally.counted(finding),
					FindingTally.counted(finding, after, finding.severity(), finding.category()))));
		});
		this.tallies.changedAll(FindingTally.SOURCE, changes);
		return again;
	}

	/**
	 * Of findings a group write did not all reach: those it wrote (they carry its
	 * revision). Those neither it nor a later recount wrote go to {@code again}.
	 */
	private List<Finding> writtenBy(long revision, List<Finding> findings, List<String> again) {
		Map<String, Long> revisions = new HashMap<>();
		this.inQueries.byIds(Finding.class, findings.stream().map(Finding::id).toList())
			.forEach((finding) -> revisions.put(finding.id(), finding.statusRevision()));
		List<Finding> applied = new ArrayList<>();
		for (Finding finding : findings) {
			long stored = revisions.getOrDefault(finding.id(), revision);
			if (stored == revision) {
				applied.add(finding);
			}
			else if (stored < revision) {
				again.add(finding.id());
			}
		}
		return applied;
	}

	private long nextRecount() {
		Document counter = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(RECOUNTS)),
				new Update().inc("value", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
				Document.class, "sequences");
		return ((Number) counter.get("value")).longValue();
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

	@Configuration(proxyBeanMethods = false)
	static class Collections {

		@Bean
		OrgPathCollection findingsCollection() {
			return new OrgPathCollection("findings");
		}

	}

}
