package org.oversight.core.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteUpsert;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import org.oversight.core.cadre.ActivePosts;
import org.oversight.core.cadre.Appointment;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.Today;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.Organizations;

/**
 * The overdue sweep: for every task overdue as of a day, issues every escalation step
 * that is due and not yet issued, in order, dated that day.
 * <p>
 * One streamed read of the overdue tasks (bounded memory); the due steps are written in
 * blocks of about {@value #STEPS}: a block of sequences taken at once, the step events
 * upserted keyed {@code task:LEVEL} in one unordered bulk write, then each task's
 * reminders and history entries, built from the stored events, added with
 * {@code $addToSet} by the task's {@code _id} alone, one update per task in one more bulk
 * write. A retry or a second sweep racing on the same task stores nothing new: the event
 * is stored once and the values added are the stored event's, which {@code $addToSet}
 * keeps once. A run cut off between the writes is completed by the next. Every write
 * finds its document by {@code _id}.
 */
@Service
@EnableConfigurationProperties(EscalationPolicy.class)
public class OverdueSweep {

	/** Tasks per batch of the streamed read. */
	private static final int BATCH = 500;

	/**
	 * Steps written together (one block of sequences). Well under the overdue feed's
	 * look-back (1,000 sequences), so a follower that read a block's highest sequence
	 * before one of its lower ones was stored still finds that one on its next poll.
	 */
	static final int STEPS = 500;

	private final MongoTemplate mongo;

	private final Organizations organizations;

	private final ActivePosts posts;

	private final EscalationPolicy policy;

	private final Today today;

	private final ApplicationEventPublisher events;

	OverdueSweep(MongoTemplate mongo, Organizations organizations, ActivePosts posts, EscalationPolicy policy,
			Today today, ApplicationEventPublisher events) {
		this.mongo = mongo;
		this.organizations = organizations;
		this.posts = posts;
		this.policy = policy;
		this.today = today;
		this.events = events;
	}

	/**
	 * What one sweep examined and issued. A step counts in the sweep that stored its
	 * event, or, when that sweep was cut off before adding it to the task, in the sweep
	 * that completes it; of two sweeps racing on a step, in one.
	 */
	public record Result(LocalDate asOf, int examined, int overdue, int remindersIssued, int escalations,
			int summonses) {
	}

	/**
	 * Sweeps the tasks of the scope (the subtree of {@code scopeOrganizationId}, or
	 * everything when null) as of {@code asOf} (today when null; never after today).
	 */
	public Result sweep(LocalDate asOf, String scopeOrganizationId) {
		LocalDate day = (asOf != null) ? asOf : this.today.date();
		if (day.isAfter(this.today.date())) {
			throw DomainException.invalid("asOf", "must not be after today (" + this.today.date() + ")");
		}
		Criteria scope = (scopeOrganizationId != null) ? Criteria.where("orgPath").is(scopeOrganizationId)
				: new Criteria();
		int examined = (int) this.mongo.count(
				Query.query(
						new Criteria().andOperator(scope, Criteria.where("status").ne(RectificationStatus.VERIFIED))),
				Rectification.class);
		Query overdue = Query.query(new Criteria().andOperator(scope,
				Criteria.where("status").in(RectificationStatus.ASSIGNED, RectificationStatus.IN_PROGRESS),
				Criteria.where("deadline").lt(day)))
			.cursorBatchSize(BATCH);
		overdue.fields()
			.include("_id", "deadline", "responsibleOrganizationId", "orgPath", "status", "reminders.level");
		Run run = new Run(day, scopeOrganizationId);
		try (Stream<Rectification> tasks = this.mongo.stream(overdue, Rectification.class)) {
			tasks.forEach(run::examine);
		}
		run.write();
		return run.result(examined);
	}

	/** Published in the process that issued a step, after it was stored. */
	public record StepIssuedLocally(String taskId, ReminderLevel level, LocalDate issuedOn, String issuedToId) {
	}

	/**
	 * What a step event already stored says: the day, the recipient, when it was stored.
	 */
	record Stored(@Id String id, LocalDate issuedOn, String issuedToId, Instant at) {
	}

	/** Who stored a step's event. */
	private enum Origin {

		/** This run. */
		THIS_RUN,
		/** A run that stored it before this one started, and was cut off. */
		EARLIER_RUN,
		/** A run going on at the same time, which adds it to the task itself too. */
		CONCURRENT_RUN

	}

	/** One due step of a task, and what was stored for it. */
	private static final class Step {

		final Rectification task;

		final ReminderLevel level;

		final String key;

		String issuedToId;

		LocalDate issuedOn;

		Origin origin;

		Step(Rectification task, ReminderLevel level) {
			this.task = task;
			this.level = level;
			this.key = StepIssued.key(task.id(), level);
		}

	}

	/** One sweep: the steps waiting to be written, what was issued, the recipients. */
	private final class Run {

		private final LocalDate day;

		private final Instant started;

		private final Recipients recipients;

		private final List<Step> pending = new ArrayList<>();

		private final Map<ReminderLevel, Integer> issued = new EnumMap<>(ReminderLevel.class);

		private int overdue;

		Run(LocalDate day, String scope) {
			this.day = day;
			this.started = OverdueSweep.this.today.now();
			this.recipients = new Recipients(day, scope);
		}

		void examine(Rectification task) {
			this.overdue++;
			int days = task.daysOverdueOn(this.day);
			for (var step : OverdueSweep.this.policy.steps().entrySet()) {
				if (days >= step.getValue() && !task.hasReminder(step.getKey())) {
					this.pending.add(new Step(task, step.getKey()));
				}
			}
			if (this.pending.size() >= STEPS) {
				write();
			}
		}

		/** Writes the pending steps: events first, then the tasks' reminders. */
		void write() {
			if (this.pending.isEmpty()) {
				return;
			}
			List<Step> steps = List.copyOf(this.pending);
			this.pending.clear();
			this.recipients.prepare(steps.stream()
				.filter((s) -> s.level == ReminderLevel.ESCALATION)
				.map((s) -> s.task.responsibleOrganizationId())
				.collect(Collectors.toSet()));
			storeEvents(steps);
			addToTasks(steps.stream().filter((s) -> s.issuedOn != null).toList());
			for (Step step : steps) {
				if (step.origin == Origin.THIS_RUN) {
					OverdueSweep.this.events.publishEvent(
							new StepIssuedLocally(step.task.id(), step.level, step.issuedOn, step.issuedToId));
				}
			}
		}

		/**
		 * Upserts every step's event keyed {@code task:LEVEL}, in one unordered bulk
		 * write with a block of sequences; then takes what an earlier or a concurrent run
		 * stored for the keys that were there already.
		 */
		private void storeEvents(List<Step> steps) {
			long first = sequences(steps.size());
			Instant at = OverdueSweep.this.today.now();
			BulkOperations bulk = OverdueSweep.this.mongo.bulkOps(BulkMode.UNORDERED, StepIssued.class);
			for (int i = 0; i < steps.size(); i++) {
				Step step = steps.get(i);
				String to = this.recipients.of(step.task, step.level);
				step.issuedToId = to;
				step.issuedOn = this.day;
				bulk.upsert(Query.query(Criteria.where("_id").is(step.key)),
						new Update().setOnInsert("taskId", step.task.id())
							.setOnInsert("level", step.level)
							.setOnInsert("issuedOn", this.day)
							.setOnInsert("issuedToId", to)
							.setOnInsert("orgPath", step.task.orgPath())
							.setOnInsert("sequence", first + i)
							.setOnInsert("at", at));
			}
			for (BulkWriteUpsert upsert : upserts(bulk)) {
				steps.get(upsert.getIndex()).origin = Origin.THIS_RUN;
			}
			List<String> existing = steps.stream()
				.filter((s) -> s.origin != Origin.THIS_RUN)
				.map((s) -> s.key)
				.toList();
			if (existing.isEmpty()) {
				return;
			}
			Query query = Query.query(Criteria.where("_id").in(existing));
			query.fields().include("issuedOn", "issuedToId", "at");
			Map<String, Stored> stored = OverdueSweep.this.mongo.find(query, Stored.class, "rectification_steps")
				.stream()
				.collect(Collectors.toMap(Stored::id, (s) -> s));
			for (Step step : steps) {
				if (step.origin == Origin.THIS_RUN) {
					continue;
				}
				Stored event = stored.get(step.key);
				if (event == null) {
					// gone since (Oversight never deletes one): left to the next run
					step.issuedOn = null;
					continue;
				}
				// the sweep stores every field at once; an event missing one (not written
				// by it) gets this run's value
				if (event.issuedOn() != null) {
					step.issuedOn = event.issuedOn();
				}
				if (event.issuedToId() != null) {
					step.issuedToId = event.issuedToId();
				}
				step.origin = (event.at() == null || event.at().isBefore(this.started)) ? Origin.EARLIER_RUN
						: Origin.CONCURRENT_RUN;
			}
		}

		/**
		 * The upserts of the bulk write. A concurrent upsert of the same key may fail on
		 * the unique {@code _id} (MongoDB retries most of those itself): that key was
		 * stored by the other run, as if it had been there already.
		 */
		private List<BulkWriteUpsert> upserts(BulkOperations bulk) {
			try {
				return bulk.execute().getUpserts();
			}
			catch (BulkOperationException ex) {
				boolean onlyDuplicates = ex.getErrors()
					.stream()
					.allMatch((error) -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
				if (!onlyDuplicates) {
					throw ex;
				}
				return ex.getResult().getUpserts();
			}
		}

		/**
		 * Adds each step's reminder and history entry to its task by {@code _id}, with
		 * the stored event's day and recipient, in unordered bulk writes: one update per
		 * task whose steps this run all stored (nearly always every task); where an
		 * earlier or a concurrent run stored one, one update per step, a bulk write per
		 * level in order, so that the steps an earlier run left are counted where this
		 * run added them. A step counts in the run that stored its event, or in the one
		 * that completed it after its run was cut off; of two runs at once, in one.
		 */
		private void addToTasks(List<Step> steps) {
			Map<Rectification, List<Step>> byTask = new LinkedHashMap<>();
			steps.forEach((s) -> byTask.computeIfAbsent(s.task, (t) -> new ArrayList<>()).add(s));
			List<Step> oneByOne = new ArrayList<>();
			List<Rectification> whole = new ArrayList<>();
			byTask.forEach((task, own) -> {
				if (own.stream().allMatch((s) -> s.origin == Origin.THIS_RUN)) {
					whole.add(task);
				}
				else {
					oneByOne.addAll(own);
				}
			});
			if (!whole.isEmpty()) {
				BulkOperations bulk = tasks();
				whole.forEach((task) -> bulk.updateOne(byId(task), added(byTask.get(task))));
				bulk.execute();
			}
			for (ReminderLevel level : ReminderLevel.values()) {
				List<Step> earlier = new ArrayList<>();
				List<Step> others = new ArrayList<>();
				for (Step step : oneByOne) {
					if (step.level == level) {
						((step.origin == Origin.EARLIER_RUN) ? earlier : others).add(step);
					}
				}
				if (!earlier.isEmpty()) {
					BulkOperations bulk = tasks();
					earlier.forEach((s) -> bulk.updateOne(byId(s.task), added(List.of(s))));
					this.issued.merge(level, bulk.execute().getModifiedCount(), Integer::sum);
				}
				if (!others.isEmpty()) {
					BulkOperations bulk = tasks();
					others.forEach((s) -> bulk.updateOne(byId(s.task), added(List.of(s))));
					bulk.execute();
				}
			}
			steps.stream()
				.filter((s) -> s.origin == Origin.THIS_RUN)
				.forEach((s) -> this.issued.merge(s.level, 1, Integer::sum));
		}

		private BulkOperations tasks() {
			return OverdueSweep.this.mongo.bulkOps(BulkMode.UNORDERED, Rectification.class);
		}

		private static Query byId(Rectification task) {
			return Query.query(Criteria.where("_id").is(task.id()));
		}

		/** The steps' reminders and history entries, added where absent, in order. */
		private static Update added(List<Step> steps) {
			List<Rectification.Reminder> reminders = new ArrayList<>();
			List<Rectification.Event> history = new ArrayList<>();
			for (Step step : steps) {
				reminders.add(new Rectification.Reminder(step.level, step.issuedOn, step.issuedToId, null));
				history.add(new Rectification.Event(RectificationEventKind.REMINDER, step.issuedOn, "overdue-sweep",
						step.level.label() + " (" + step.level.name() + ")"));
			}
			Update update = new Update();
			update.addToSet("reminders").each(reminders.toArray());
			update.addToSet("history").each(history.toArray());
			return update;
		}

		/** Takes {@code count} sequences at once; returns the first. */
		private long sequences(int count) {
			Map<?, ?> counter = OverdueSweep.this.mongo.findAndModify(
					Query.query(Criteria.where("_id").is("rectification_steps")),
					new Update().inc("value", (long) count),
					FindAndModifyOptions.options().upsert(true).returnNew(true), Map.class, "sequences");
			return ((Number) counter.get("value")).longValue() - count + 1;
		}

		Result result(int examined) {
			return new Result(this.day, examined, this.overdue,
					this.issued.getOrDefault(ReminderLevel.REMINDER_LETTER, 0),
					this.issued.getOrDefault(ReminderLevel.ESCALATION, 0),
					this.issued.getOrDefault(ReminderLevel.SUMMONS, 0));
		}

	}

	/**
	 * Who receives each step: the responsible organization for letters and summonses; for
	 * escalation the nearest ancestor with a principal on the day (the parent when none
	 * has one; the organization itself at the top). Read only once an escalation is due:
	 * the principals of the scope's subtree and of the organizations above it at once (an
	 * escalation goes to one of those), the organizations by id as their tasks come; kept
	 * for the rest of the run, at most one entry per organization of the scope.
	 */
	private final class Recipients {

		private final LocalDate day;

		private final String scope;

		private final Map<String, String> escalationTo = new HashMap<>();

		private Set<String> withPrincipal;

		Recipients(LocalDate day, String scope) {
			this.day = day;
			this.scope = scope;
		}

		void prepare(Set<String> organizationIds) {
			Set<String> unknown = new HashSet<>(organizationIds);
			unknown.removeAll(this.escalationTo.keySet());
			if (unknown.isEmpty()) {
				return;
			}
			if (this.withPrincipal == null) {
				this.withPrincipal = principals();
			}
			for (Organization organization : OverdueSweep.this.organizations.findByIdIn(unknown)) {
				List<String> up = organization.ancestorIds();
				String target = up.isEmpty() ? organization.id() : up.get(up.size() - 1);
				for (int i = up.size() - 1; i >= 0; i--) {
					if (this.withPrincipal.contains(up.get(i))) {
						target = up.get(i);
						break;
					}
				}
				this.escalationTo.put(organization.id(), target);
			}
		}

		/**
		 * The organizations of the scope and above it that have a principal on the day.
		 */
		private Set<String> principals() {
			ActivePosts posts = OverdueSweep.this.posts;
			List<Appointment> found = new ArrayList<>();
			if (this.scope == null) {
				found.addAll(posts.allPrincipals(this.day));
			}
			else {
				found.addAll(posts.principalsInSubtree(this.scope, this.day));
				OverdueSweep.this.organizations.findById(this.scope)
					.ifPresent((root) -> found.addAll(posts.principalsIn(root.ancestorIds(), this.day)));
			}
			return found.stream().map(Appointment::organizationId).collect(Collectors.toSet());
		}

		String of(Rectification task, ReminderLevel level) {
			if (level == ReminderLevel.ESCALATION) {
				return this.escalationTo.getOrDefault(task.responsibleOrganizationId(),
						task.responsibleOrganizationId());
			}
			return task.responsibleOrganizationId();
		}

	}

}
