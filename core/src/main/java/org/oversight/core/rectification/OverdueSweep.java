package org.oversight.core.rectification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
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
 * that is due and not yet issued, in order, dated that day. Each step is one conditional
 * write keyed by (task, level), so a second run, a concurrent run or a run resumed after
 * a crash never issues a step twice. Pages through the tasks with bounded memory.
 */
@Service
@EnableConfigurationProperties(EscalationPolicy.class)
public class OverdueSweep {

	private static final int PAGE = 500;

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

	/** What one sweep examined and issued. */
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
		Map<ReminderLevel, Integer> issued = new EnumMap<>(ReminderLevel.class);
		int overdue = 0;
		String after = null;
		while (true) {
			Criteria page = new Criteria().andOperator(scope,
					Criteria.where("status").in(RectificationStatus.ASSIGNED, RectificationStatus.IN_PROGRESS),
					Criteria.where("deadline").lt(day),
					(after != null) ? Criteria.where("_id").gt(after) : new Criteria());
			Query query = Query.query(page).with(Sort.by("_id")).limit(PAGE);
			query.fields().include("_id", "deadline", "responsibleOrganizationId", "orgPath", "reminders", "status");
			List<Rectification> tasks = this.mongo.find(query, Rectification.class);
			if (tasks.isEmpty()) {
				break;
			}
			overdue += tasks.size();
			Recipients recipients = new Recipients(tasks, day);
			for (Rectification task : tasks) {
				int days = task.daysOverdueOn(day);
				for (var step : this.policy.steps().entrySet()) {
					ReminderLevel level = step.getKey();
					if (days >= step.getValue() && !task.hasReminder(level)) {
						if (issue(task, level, day, recipients.of(task, level))) {
							issued.merge(level, 1, Integer::sum);
						}
					}
				}
			}
			after = tasks.get(tasks.size() - 1).id();
		}
		return new Result(day, examined, overdue, issued.getOrDefault(ReminderLevel.REMINDER_LETTER, 0),
				issued.getOrDefault(ReminderLevel.ESCALATION, 0), issued.getOrDefault(ReminderLevel.SUMMONS, 0));
	}

	/**
	 * Records the step: first the event (an upsert keyed by task and level), then the
	 * reminder on the task, conditional on that level not being there. A crash between
	 * the two is completed by the next run; neither write can happen twice.
	 */
	private boolean issue(Rectification task, ReminderLevel level, LocalDate day, String recipient) {
		String key = StepIssued.key(task.id(), level);
		long sequence = nextSequence();
		this.mongo.upsert(Query.query(Criteria.where("_id").is(key)),
				new Update().setOnInsert("taskId", task.id())
					.setOnInsert("level", level)
					.setOnInsert("issuedOn", day)
					.setOnInsert("issuedToId", recipient)
					.setOnInsert("orgPath", task.orgPath())
					.setOnInsert("sequence", sequence)
					.setOnInsert("at", this.today.now()),
				StepIssued.class);
		var reminder = new Rectification.Reminder(level, day, recipient, null);
		var event = new Rectification.Event(RectificationEventKind.REMINDER, day, "overdue-sweep",
				level.label() + " (" + level.name() + ")");
		var result = this.mongo.updateFirst(
				Query.query(Criteria.where("_id").is(task.id()).and("reminders.level").ne(level)),
				new Update().push("reminders", reminder).push("history", event), Rectification.class);
		if (result.getModifiedCount() == 1) {
			this.events.publishEvent(new StepIssuedLocally(task.id(), level, day, recipient));
			return true;
		}
		return false;
	}

	private long nextSequence() {
		Map<?, ?> counter = this.mongo.findAndModify(Query.query(Criteria.where("_id").is("rectification_steps")),
				new Update().inc("value", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true), Map.class,
				"sequences");
		return ((Number) counter.get("value")).longValue();
	}

	/** Published in the process that issued a step, after it was stored. */
	public record StepIssuedLocally(String taskId, ReminderLevel level, LocalDate issuedOn, String issuedToId) {
	}

	/**
	 * Who receives each step of a page of tasks: the responsible organization for letters
	 * and summonses; for escalation the nearest ancestor with a principal on the day (the
	 * parent when none has one; the organization itself at the top). Two queries a page.
	 */
	private final class Recipients {

		private final Map<String, String> escalationTo = new HashMap<>();

		Recipients(List<Rectification> tasks, LocalDate day) {
			Set<String> responsible = tasks.stream()
				.map(Rectification::responsibleOrganizationId)
				.collect(Collectors.toSet());
			Map<String, Organization> byId = OverdueSweep.this.organizations.findByIdIn(responsible)
				.stream()
				.collect(Collectors.toMap(Organization::id, (o) -> o));
			List<String> ancestors = new ArrayList<>();
			byId.values().forEach((o) -> ancestors.addAll(o.ancestorIds()));
			Set<String> withPrincipal = OverdueSweep.this.posts.principalsIn(Set.copyOf(ancestors), day)
				.stream()
				.map(Appointment::organizationId)
				.collect(Collectors.toSet());
			for (Organization organization : byId.values()) {
				List<String> up = organization.ancestorIds();
				String target = up.isEmpty() ? organization.id() : up.get(up.size() - 1);
				for (int i = up.size() - 1; i >= 0; i--) {
					if (withPrincipal.contains(up.get(i))) {
						target = up.get(i);
						break;
					}
				}
				this.escalationTo.put(organization.id(), target);
			}
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
