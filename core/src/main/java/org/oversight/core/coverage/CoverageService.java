package org.oversight.core.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import org.oversight.core.cadre.ActivePosts;
import org.oversight.core.cadre.Appointment;
import org.oversight.core.common.Memo;
import org.oversight.core.common.OversightProperties;
import org.oversight.core.common.Today;
import org.oversight.core.mongo.KeptResults;
import org.oversight.core.mongo.WriteEpochs;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationQueries;
import org.oversight.core.organization.Organizations;
import org.oversight.core.talk.TalkKind;
import org.oversight.core.talk.TalkQueries;

/**
 * Whether the principals of a subtree were talked to as the rules require: a SUPERVISION
 * talk by an ancestor principal in the year, and for new principals an APPOINTMENT talk
 * by an ancestor principal within 30 days of the start. A fixed number of queries
 * whatever the size of the subtree.
 */
@Service
public class CoverageService {

	static final int APPOINTMENT_TALK_DAYS = 30;

	private final Organizations organizations;

	private final ActivePosts posts;

	private final TalkQueries talks;

	private final MongoTemplate mongo;

	private final Today today;

	private final OrganizationQueries organizationQueries;

	private final KeptResults<Kept, Coverage> kept;

	CoverageService(OrganizationQueries organizationQueries, Organizations organizations, ActivePosts posts,
			TalkQueries talks, MongoTemplate mongo, Today today, WriteEpochs epochs, OversightProperties properties) {
		this.organizationQueries = organizationQueries;
		this.organizations = organizations;
		this.posts = posts;
		this.talks = talks;
		this.mongo = mongo;
		this.today = today;
		this.kept = new KeptResults<>(epochs, READ_FROM, properties.keptResults(), properties.keptResultsLifetime());
	}

	/**
	 * The collections coverage is computed from (with the lookup lists they are read
	 * through).
	 */
	static final List<String> READ_FROM = List.of("organizations", "appointments", "principal_seats", "talks");

	/** What a kept coverage is of: the reference day is today's for the current year. */
	private record Kept(String organizationId, int year, LocalDate referenceDay) {
	}

	public LocalDate referenceDay(int year) {
		LocalDate now = this.today.date();
		return (year == now.getYear()) ? now : LocalDate.of(year, 12, 31);
	}

	public Coverage coverage(Organization root, int year) {
		return coverage(root, year, new Memo());
	}

	/**
	 * {@link #coverage(Organization, int)} read through the request's memo: the subtree,
	 * its principals and the posts of the counted principals, which a request asking for
	 * the blind spots too reads once. The result is kept ({@link KeptResults}) until one
	 * of the collections it is computed from is written: asked again meanwhile, it costs
	 * one read.
	 */
	public Coverage coverage(Organization root, int year, Memo memo) {
		LocalDate day = referenceDay(year);
		return this.kept.get(new Kept(root.id(), year, day), () -> compute(root, year, day, memo));
	}

	private Coverage compute(Organization root, int year, LocalDate day, Memo memo) {
		LocalDate yearStart = LocalDate.of(year, 1, 1);
		LocalDate yearEnd = LocalDate.of(year, 12, 31);
		List<Organization> subtree = this.organizationQueries.subtree(root.id(), memo);
		Map<String, Organization> byId = subtree.stream().collect(Collectors.toMap(Organization::id, (o) -> o));

		// principals on the reference day in the subtree and above it
		List<Appointment> principalsBelow = this.posts.principalsIn(subtree.stream().map(Organization::id).toList(),
				day, memo);
		List<Appointment> principalsAbove = this.posts.principalsIn(root.ancestorIds(), day, memo);
		Map<String, List<Appointment>> principalsByOrg = new HashMap<>();
		principalsBelow
			.forEach((a) -> principalsByOrg.computeIfAbsent(a.organizationId(), (k) -> new ArrayList<>()).add(a));
		principalsAbove
			.forEach((a) -> principalsByOrg.computeIfAbsent(a.organizationId(), (k) -> new ArrayList<>()).add(a));

		// each cadre counted once, by their deepest principal post in the subtree
		Map<String, Appointment> counted = new LinkedHashMap<>();
		for (Appointment post : principalsBelow) {
			if (!hasPrincipalAbove(post, principalsByOrg)) {
				continue;
			}
			counted.merge(post.cadreId(), post, (a, b) -> deeper(a, b));
		}
		// cadres with some post that has nobody above are left out only if none of their
		// posts has
		Set<String> cadres = counted.keySet();

		// the talks, judged first with the posts already read (each subject's principal
		// posts in the subtree on the reference day) and the principals above those; only
		// the subjects a talk could still count for are judged again with all their posts
		LocalDate talksTo = yearEnd.plusDays(APPOINTMENT_TALK_DAYS);
		List<TalkQueries.HeldTalk> held = this.talks.held(cadres, List.of(TalkKind.SUPERVISION, TalkKind.APPOINTMENT),
				yearStart, talksTo);
		Map<String, List<TalkQueries.HeldTalk>> talksBySubject = held.stream()
			.collect(Collectors.groupingBy(TalkQueries.HeldTalk::subjectId));
		Map<String, List<Appointment>> knownPosts = new HashMap<>();
		principalsBelow.stream()
			.filter((post) -> cadres.contains(post.cadreId()))
			.forEach((post) -> knownPosts.computeIfAbsent(post.cadreId(), (k) -> new ArrayList<>()).add(post));
		Judged judged = judge(counted.values(), talksBySubject, knownPosts, yearStart, talksTo, memo);
		Set<String> undecided = judged.undecided();
		if (!undecided.isEmpty()) {
			Judged again = judge(
					counted.values().stream().filter((post) -> undecided.contains(post.cadreId())).toList(),
					talksBySubject, this.posts.allOfCadres(undecided, memo), yearStart, talksTo, memo);
			judged.supervised().addAll(again.supervised());
			judged.timely().addAll(again.timely());
		}

		List<Coverage.CountedPrincipal> result = new ArrayList<>();
		for (Appointment post : counted.values()) {
			boolean isNew = post.start().getYear() == year;
			Organization organization = byId.get(post.organizationId());
			result.add(new Coverage.CountedPrincipal(post.cadreId(), post.organizationId(),
					(organization != null) ? organization.code() : "", post.start(), isNew,
					judged.supervised().contains(post.cadreId()), judged.timely().contains(post.cadreId())));
		}
		Comparator<Coverage.CountedPrincipal> byPost = Comparator.comparing(Coverage.CountedPrincipal::organizationCode)
			.thenComparing(Coverage.CountedPrincipal::cadreId);
		result.sort(byPost);
		List<Coverage.CountedPrincipal> uncovered = result.stream().filter((p) -> !p.covered()).toList();
		List<Organization> vacancies = subtree.stream()
			.filter((o) -> o.existsOn(day))
			.filter((o) -> !principalsByOrg.containsKey(o.id()))
			.sorted(Comparator.comparing(Organization::code))
			.toList();
		return new Coverage(root, year, day, List.copyOf(result), uncovered, vacancies);
	}

	/**
	 * Who among the counted principals had a SUPERVISION talk in the year, and (new ones)
	 * a timely APPOINTMENT talk, by an ancestor principal of one of the subject's posts
	 * given; and who had a talk that did not count with those posts but might with others
	 * (undecided). More posts can only turn a talk into one that counts.
	 */
	private Judged judge(Collection<Appointment> counted, Map<String, List<TalkQueries.HeldTalk>> talksBySubject,
			Map<String, List<Appointment>> postsOfSubjects, LocalDate yearStart, LocalDate talksTo, Memo memo) {
		Set<String> ancestorOrgs = new HashSet<>();
		postsOfSubjects.values().forEach((list) -> list.forEach((a) -> ancestorOrgs.addAll(a.orgPath())));
		Map<String, List<Appointment>> ancestorPrincipalsByOrg = this.posts
			.principalsOverlapping(ancestorOrgs, yearStart, talksTo, memo)
			.stream()
			.collect(Collectors.groupingBy(Appointment::organizationId));
		LocalDate yearEnd = LocalDate.of(yearStart.getYear(), 12, 31);
		Judged judged = new Judged(new HashSet<>(), new HashSet<>(), new LinkedHashSet<>());
		for (Appointment post : counted) {
			List<TalkQueries.HeldTalk> own = talksBySubject.getOrDefault(post.cadreId(), List.of());
			List<Appointment> subjectPosts = postsOfSubjects.getOrDefault(post.cadreId(), List.of());
			List<TalkQueries.HeldTalk> supervisionTalks = own.stream()
				.filter((t) -> t.kind() == TalkKind.SUPERVISION && !t.date().isBefore(yearStart)
						&& !t.date().isAfter(yearEnd))
				.toList();
			if (supervisionTalks.stream()
				.anyMatch((t) -> byAncestorPrincipal(t, subjectPosts, ancestorPrincipalsByOrg))) {
				judged.supervised().add(post.cadreId());
			}
			else if (!supervisionTalks.isEmpty()) {
				judged.undecided().add(post.cadreId());
			}
			if (post.start().getYear() != yearStart.getYear()) {
				continue;
			}
			LocalDate deadline = post.start().plusDays(APPOINTMENT_TALK_DAYS);
			List<TalkQueries.HeldTalk> appointmentTalks = own.stream()
				.filter((t) -> t.kind() == TalkKind.APPOINTMENT && !t.date().isBefore(post.start())
						&& !t.date().isAfter(deadline))
				.toList();
			if (appointmentTalks.stream()
				.anyMatch((t) -> byAncestorPrincipal(t, subjectPosts, ancestorPrincipalsByOrg))) {
				judged.timely().add(post.cadreId());
			}
			else if (!appointmentTalks.isEmpty()) {
				judged.undecided().add(post.cadreId());
			}
		}
		return judged;
	}

	/** The cadres judged supervised, timely, and not decided by the posts given. */
	private record Judged(Set<String> supervised, Set<String> timely, Set<String> undecided) {
	}

	private static Appointment deeper(Appointment a, Appointment b) {
		if (a.depth() != b.depth()) {
			return (a.depth() > b.depth()) ? a : b;
		}
		return a.start().isAfter(b.start()) ? b : a;
	}

	private static boolean hasPrincipalAbove(Appointment post, Map<String, List<Appointment>> principalsByOrg) {
		List<String> path = post.orgPath();
		for (int i = path.size() - 2; i >= 0; i--) {
			for (Appointment principal : principalsByOrg.getOrDefault(path.get(i), List.of())) {
				if (!principal.cadreId().equals(post.cadreId())) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Conducted (alone or with others) by someone who on the talk's date holds the
	 * PRINCIPAL role of an ancestor of an organization where the subject holds a post.
	 */
	static boolean byAncestorPrincipal(TalkQueries.HeldTalk talk, List<Appointment> subjectPosts,
			Map<String, List<Appointment>> principalsByOrg) {
		for (Appointment post : subjectPosts) {
			if (!post.activeOn(talk.date())) {
				continue;
			}
			List<String> ancestors = post.orgPath().subList(0, post.orgPath().size() - 1);
			for (String ancestor : ancestors) {
				for (Appointment principal : principalsByOrg.getOrDefault(ancestor, List.of())) {
					if (principal.activeOn(talk.date()) && talk.conductedByIds().contains(principal.cadreId())
							&& !principal.cadreId().equals(talk.subjectId())) {
						return true;
					}
				}
			}
		}
		return false;
	}

}
