package org.oversight.scheduler.obligation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import org.oversight.core.cadre.ActivePosts;
import org.oversight.core.cadre.Appointment;
import org.oversight.core.common.Today;
import org.oversight.core.job.JobRun;
import org.oversight.core.mongo.InQueries;
import org.oversight.core.organization.Organization;
import org.oversight.core.talk.Talk;
import org.oversight.core.talk.TalkKind;
import org.oversight.core.talk.TalksRecorded;
import org.oversight.scheduler.runtime.JobNames;
import org.oversight.scheduler.runtime.Outcome;
import org.oversight.scheduler.runtime.RecordedRuns;
import org.oversight.scheduler.runtime.SchedulerProperties;

/**
 * The talks the rules require, as obligations (see {@link Obligation}):
 * <ul>
 * <li>APPOINTMENT: a principal appointed within the last year who has had no APPOINTMENT
 * talk by an ancestor principal since the start; owed by their upper principal (the
 * principal of the nearest ancestor that has one), due 30 days after the start;</li>
 * <li>SUPERVISION: a principal (placed by their deepest principal post) with no
 * SUPERVISION talk by an ancestor principal in the last 12 months; owed by their upper
 * principal, due 12 months after the last such talk (or the start of the post);</li>
 * <li>HEART_TO_HEART: each other member of a team the principal has not had one with in
 * 12 months; owed by the principal, due 12 months after the last one (or since both are
 * in the team).</li>
 * </ul>
 * Periodic obligations are opened {@code oversight.scheduler.obligation-lead-time} before
 * they are due. An obligation is closed when its talk is recorded ({@link TalksRecorded}
 * in this process) and by the daily {@link #check} (talks recorded elsewhere); the check
 * withdraws what is no longer owed. Every write is keyed by the obligation's id, so a
 * check killed midway is completed by the next one without duplicates. Pages through the
 * organizations and the open obligations with bounded memory.
 */
@Service
public class TalkObligations {

	private static final Logger logger = LoggerFactory.getLogger(TalkObligations.class);

	static final int PAGE = 500;

	static final int APPOINTMENT_TALK_DAYS = 30;

	/** How long after the start an appointment without its talk gets an obligation. */
	static final Period NEWLY_APPOINTED = Period.ofYears(1);

	/** How often SUPERVISION and HEART_TO_HEART talks are owed. */
	static final Period EVERY = Period.ofMonths(12);

	static final Set<TalkKind> KINDS = Set.of(TalkKind.APPOINTMENT, TalkKind.SUPERVISION, TalkKind.HEART_TO_HEART);

	private final MongoTemplate mongo;

	private final ActivePosts posts;

	private final ObligationStore store;

	private final RecordedRuns runs;

	private final Today today;

	private final Period leadTime;

	private final InQueries inQueries;

	TalkObligations(MongoTemplate mongo, InQueries inQueries, ActivePosts posts, ObligationStore store,
			RecordedRuns runs, Today today, SchedulerProperties properties) {
		this.mongo = mongo;
		this.inQueries = inQueries;
		this.posts = posts;
		this.store = store;
		this.runs = runs;
		this.today = today;
		this.leadTime = properties.obligationLeadTime();
	}

	/**
	 * What one check did.
	 *
	 * @param day the day checked
	 * @param opened obligations stored
	 * @param reopened withdrawn obligations owed again
	 * @param open obligations open after the check
	 * @param fulfilled obligations closed by a talk
	 * @param withdrawn obligations no longer owed
	 */
	public record Result(LocalDate day, int opened, int reopened, int open, int fulfilled, int withdrawn) {

		Outcome outcome() {
			return new Outcome(
					"opened " + this.opened + ", fulfilled " + this.fulfilled + ", withdrawn " + this.withdrawn
							+ ", open " + this.open + " (as of " + this.day + ")",
					Map.of("opened", this.opened, "reopened", this.reopened, "open", this.open, "fulfilled",
							this.fulfilled, "withdrawn", this.withdrawn));
		}

	}

	/** The scheduled check as of {@code day}, unless another process ran this fire. */
	public Optional<JobRun> scheduled(Instant scheduledFireTime, LocalDate day) {
		return this.runs.once(JobNames.TALK_OBLIGATIONS, scheduledFireTime, () -> check(day).outcome());
	}

	/** A check asked for, as of today, recorded as a run. */
	public JobRun now() {
		LocalDate day = this.today.date();
		return this.runs.complete(this.runs.start(JobNames.TALK_OBLIGATIONS), () -> check(day).outcome());
	}

	/**
	 * Opens what is owed on {@code day}, then closes what was fulfilled and withdraws
	 * what is no longer owed. The second part runs only after the first has gone through
	 * every organization.
	 */
	public Result check(LocalDate day) {
		long check = nextCheck();
		int[] opened = new int[2];
		String after = null;
		while (true) {
			Query page = Query.query((after != null) ? Criteria.where("_id").gt(after) : new Criteria())
				.with(Sort.by("_id"))
				.limit(PAGE);
			page.fields().include("_id");
			List<Organization> organizations = this.mongo.find(page, Organization.class);
			if (organizations.isEmpty()) {
				break;
			}
			for (Owed owed : owedIn(organizations.stream().map(Organization::id).toList(), day)) {
				if (!owed.mayOpen()) {
					this.store.keepIfOpen(owed.obligation().id(), day, check);
					continue;
				}
				switch (this.store.open(owed.obligation(), day, check)) {
					case NEW -> opened[0]++;
					case REOPENED -> opened[1]++;
					case EXISTING -> {
					}
				}
			}
			after = organizations.get(organizations.size() - 1).id();
		}
		int[] closed = closeOrWithdraw(day, check);
		return new Result(day, opened[0], opened[1], closed[0], closed[1], closed[2]);
	}

	/**
	 * An obligation owed on the day; one that may not be opened is only kept if already
	 * open (an appointment talk owed for longer than {@link #NEWLY_APPOINTED}).
	 */
	record Owed(Obligation obligation, boolean mayOpen) {
	}

	/** The obligations owed in these organizations on the day. */
	private List<Owed> owedIn(List<String> organizationIds, LocalDate day) {
		List<Appointment> held = this.posts.inOrganizations(organizationIds, day);
		if (held.isEmpty()) {
			return List.of();
		}
		Map<String, List<Appointment>> teams = held.stream()
			.collect(Collectors.groupingBy(Appointment::organizationId));
		List<Appointment> principals = held.stream().filter(Appointment::isPrincipal).toList();
		if (principals.isEmpty()) {
			return List.of();
		}
		Set<String> ancestors = new HashSet<>();
		principals.forEach((p) -> ancestors.addAll(p.orgPath().subList(0, p.orgPath().size() - 1)));
		Map<String, List<Appointment>> principalsAbove = this.posts.principalsIn(ancestors, day)
			.stream()
			.collect(Collectors.groupingBy(Appointment::organizationId));
		Map<String, Optional<Appointment>> placements = this.posts
			.ofCadres(principals.stream().map(Appointment::cadreId).collect(Collectors.toSet()), day)
			.stream()
			.collect(Collectors.groupingBy(Appointment::cadreId))
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (e) -> ActivePosts.placement(e.getValue())));
		List<Talk> talks = talksWith(held.stream().map(Appointment::cadreId).collect(Collectors.toSet()), KINDS, day);
		Map<String, List<Talk>> talksBySubject = talks.stream().collect(Collectors.groupingBy(Talk::subjectId));
		TalkJudge judge = TalkJudge.of(this.inQueries, talks);

		List<Owed> owed = new ArrayList<>();
		for (Appointment principal : principals) {
			String subject = principal.cadreId();
			List<Talk> own = talksBySubject.getOrDefault(subject, List.of());
			String owner = upperPrincipal(principal, principalsAbove);
			if (owner != null) {
				boolean appointmentTalk = own.stream()
					.anyMatch((t) -> t.kind() == TalkKind.APPOINTMENT && !t.date().isBefore(principal.start())
							&& judge.byAncestorPrincipal(t));
				if (!appointmentTalk) {
					boolean isNew = !principal.start().isBefore(day.minus(NEWLY_APPOINTED));
					owed.add(new Owed(Obligation.owed(owner, subject, TalkKind.APPOINTMENT,
							principal.start().toString(), principal.organizationId(), principal.orgPath(),
							principal.start().plusDays(APPOINTMENT_TALK_DAYS), principal.start(), day), isNew));
				}
				boolean placedHere = placements.getOrDefault(subject, Optional.empty())
					.map((placed) -> placed.id().equals(principal.id()))
					.orElse(false);
				if (placedHere) {
					LocalDate last = latest(own.stream()
						.filter((t) -> t.kind() == TalkKind.SUPERVISION && judge.byAncestorPrincipal(t)));
					LocalDate due = ((last != null) ? last : principal.start()).plus(EVERY);
					if (!day.isBefore(due.minus(this.leadTime))) {
						owed.add(new Owed(Obligation.owed(owner, subject, TalkKind.SUPERVISION, due.toString(),
								principal.organizationId(), principal.orgPath(), due,
								(last != null) ? last.plusDays(1) : null, day), true));
					}
				}
			}
			for (Appointment member : teams.getOrDefault(principal.organizationId(), List.of())) {
				if (member.cadreId().equals(subject)) {
					continue;
				}
				LocalDate last = latest(talksBySubject.getOrDefault(member.cadreId(), List.of())
					.stream()
					.filter((t) -> t.kind() == TalkKind.HEART_TO_HEART && t.conductedByIds().contains(subject)));
				LocalDate together = member.start().isAfter(principal.start()) ? member.start() : principal.start();
				LocalDate due = ((last != null) ? last : together).plus(EVERY);
				if (!day.isBefore(due.minus(this.leadTime))) {
					owed.add(new Owed(Obligation.owed(subject, member.cadreId(), TalkKind.HEART_TO_HEART,
							due.toString(), member.organizationId(), member.orgPath(), due,
							(last != null) ? last.plusDays(1) : null, day), true));
				}
			}
		}
		return owed;
	}

	/**
	 * The principal of the nearest ancestor organization that has one other than the
	 * cadre (the UPPER_PRINCIPAL supervisor); null when there is none.
	 */
	private static String upperPrincipal(Appointment post, Map<String, List<Appointment>> principalsByOrganization) {
		List<String> path = post.orgPath();
		for (int i = path.size() - 2; i >= 0; i--) {
			for (Appointment above : principalsByOrganization.getOrDefault(path.get(i), List.of())) {
				if (!above.cadreId().equals(post.cadreId())) {
					return above.cadreId();
				}
			}
		}
		return null;
	}

	/** Pages through the open obligations: closes the fulfilled, withdraws the stale. */
	private int[] closeOrWithdraw(LocalDate day, long check) {
		int open = 0;
		int fulfilled = 0;
		int withdrawn = 0;
		String after = null;
		while (true) {
			Criteria criteria = Criteria.where("status").is(ObligationStatus.OPEN);
			if (after != null) {
				criteria = criteria.and("_id").gt(after);
			}
			List<Obligation> page = this.mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(PAGE),
					Obligation.class);
			if (page.isEmpty()) {
				break;
			}
			List<Talk> talks = talksWith(page.stream().map(Obligation::subjectCadreId).collect(Collectors.toSet()),
					page.stream().map(Obligation::kind).collect(Collectors.toSet()), day);
			Map<String, List<Talk>> bySubject = talks.stream().collect(Collectors.groupingBy(Talk::subjectId));
			TalkJudge judge = TalkJudge.of(this.inQueries, talks);
			for (Obligation obligation : page) {
				Optional<Talk> talk = bySubject.getOrDefault(obligation.subjectCadreId(), List.of())
					.stream()
					.filter((t) -> judge.fulfils(obligation, t, day))
					.min(Comparator.comparing(Talk::date).thenComparing(Talk::id));
				if (talk.isPresent()) {
					fulfilled += this.store.fulfil(obligation.id(), talk.get()) ? 1 : 0;
				}
				else if (this.store.withdraw(obligation.id(), day, check)) {
					withdrawn++;
				}
				else {
					open++;
				}
			}
			after = page.get(page.size() - 1).id();
		}
		return new int[] { open, fulfilled, withdrawn };
	}

	/**
	 * Closes the open obligations the talks fulfil, as soon as they are stored. A failure
	 * here never fails the recording of the talks: the daily check closes them then.
	 */
	@EventListener
	void talksRecorded(TalksRecorded event) {
		try {
			close(event.talks());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not close the obligations of {} talks; the daily check will", event.talks().size(), ex);
		}
	}

	/**
	 * Closes the open obligations the talks fulfil, each by the earliest talk that
	 * fulfils it; answers how many. One read of the subjects' open obligations for the
	 * whole batch.
	 */
	public int close(Collection<Talk> talks) {
		Map<String, List<Talk>> bySubject = talks.stream()
			.filter((talk) -> KINDS.contains(talk.kind()))
			.collect(Collectors.groupingBy(Talk::subjectId));
		if (bySubject.isEmpty()) {
			return 0;
		}
		List<Obligation> open = this.inQueries.find(Obligation.class,
				Criteria.where("status").is(ObligationStatus.OPEN), "subjectCadreId", bySubject.keySet(),
				Obligation::subjectCadreId);
		if (open.isEmpty()) {
			return 0;
		}
		TalkJudge judge = TalkJudge.of(this.inQueries,
				open.stream().flatMap((o) -> bySubject.get(o.subjectCadreId()).stream()).distinct().toList());
		int closed = 0;
		for (Obligation obligation : open) {
			Optional<Talk> talk = bySubject.get(obligation.subjectCadreId())
				.stream()
				.filter((t) -> judge.fulfils(obligation, t, t.date()))
				.min(Comparator.comparing(Talk::date).thenComparing(Talk::id));
			if (talk.isPresent() && this.store.fulfil(obligation.id(), talk.get())) {
				closed++;
			}
		}
		return closed;
	}

	/** The number of a new check: increasing across processes. */
	private long nextCheck() {
		Map<?, ?> counter = this.mongo.findAndModify(Query.query(Criteria.where("_id").is("obligation_checks")),
				new Update().inc("value", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true), Map.class,
				"sequences");
		return ((Number) counter.get("value")).longValue();
	}

	private List<Talk> talksWith(Collection<String> subjects, Collection<TalkKind> kinds, LocalDate day) {
		if (subjects.isEmpty()) {
			return List.of();
		}
		Query query = Query.query(Criteria.where("subjectId").in(subjects).and("kind").in(kinds).and("date").lte(day));
		query.fields().include("_id", "kind", "date", "subjectId", "conductedByIds");
		return this.mongo.find(query, Talk.class);
	}

	private static LocalDate latest(java.util.stream.Stream<Talk> talks) {
		return talks.map(Talk::date).max(Comparator.naturalOrder()).orElse(null);
	}

}
