package org.oversight.analytics.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.oversight.analytics.facts.Post;
import org.oversight.analytics.facts.TalkCoverage;
import org.oversight.analytics.facts.YearPeriod;
import org.oversight.analytics.indicator.Figures;
import org.oversight.core.organization.OrgKind;

/**
 * Adds up a year's records by organization, then rolls them up the tree: each
 * organization's figures are those of its whole subtree. Counts that add up are summed
 * along each materialised path; distinct counts (cadres, principals) are kept as sets so
 * a cadre holding two posts in a subtree counts once. Pure: fed by the reader, tested on
 * hand-made rows.
 */
final class YearFigures {

	private final YearPeriod period;

	private final Map<String, OrgNode> nodes = new LinkedHashMap<>();

	private final Set<OrgKind> meetingKinds;

	private final Map<String, Figures> own = new HashMap<>();

	private final Map<String, Set<String>> cadresOnDay = new HashMap<>();

	private final Set<String> withTeam = new HashSet<>();

	private final Map<String, String> principalOnDay = new HashMap<>();

	private final Map<String, Integer> meetingsHeld = new HashMap<>();

	private final List<Post> countedPrincipals = new ArrayList<>();

	private final List<RollUp> children = new ArrayList<>();

	/**
	 * @param period the year
	 * @param subtree every organization of the subtree (dissolved ones too: their records
	 * still count above them)
	 * @param meetingKinds kinds whose teams must hold democratic life meetings
	 */
	YearFigures(YearPeriod period, Collection<OrgNode> subtree, Set<OrgKind> meetingKinds) {
		this.period = period;
		subtree.stream().sorted(Comparator.comparing(OrgNode::code)).forEach((node) -> this.nodes.put(node.id(), node));
		this.meetingKinds = meetingKinds;
	}

	boolean contains(String organizationId) {
		return organizationId != null && this.nodes.containsKey(organizationId);
	}

	/** Adds figures that add up (counts) to an organization's own. */
	void add(String organizationId, Figures figures) {
		if (contains(organizationId)) {
			this.own.merge(organizationId, figures, Figures::plus);
		}
	}

	void meeting(String organizationId, boolean attendedByUpperLevel) {
		if (contains(organizationId)) {
			this.meetingsHeld.merge(organizationId, 1, Integer::sum);
			add(organizationId, Figures.builder().meetings(1).meetingsAttended(attendedByUpperLevel ? 1 : 0).build());
		}
	}

	/** A post held on the reference day. */
	void postOnDay(Post post) {
		if (!contains(post.organizationId())) {
			return;
		}
		this.cadresOnDay.computeIfAbsent(post.organizationId(), (k) -> new HashSet<>()).add(post.cadreId());
		this.withTeam.add(post.organizationId());
		if (post.principal()) {
			this.principalOnDay.merge(post.organizationId(), post.cadreId(), (a, b) -> (a.compareTo(b) <= 0) ? a : b);
		}
	}

	/**
	 * A principal post held on the reference day whose holder has a principal above them:
	 * counted for talk coverage.
	 */
	void countedPrincipal(Post post) {
		if (contains(post.organizationId())) {
			this.countedPrincipals.add(post);
		}
	}

	/** The organization's principal on the reference day, if any. */
	String principalOf(String organizationId) {
		return this.principalOnDay.get(organizationId);
	}

	/** The organizations that get a report: those existing at some time in the year. */
	List<OrgNode> targets() {
		return this.nodes.values().stream().filter((node) -> node.existsIn(this.period.year())).toList();
	}

	/** The chain from the subtree's top down to the organization itself. */
	private List<String> chain(OrgNode node) {
		List<String> chain = new ArrayList<>();
		for (String id : node.path()) {
			if (this.nodes.containsKey(id)) {
				chain.add(id);
			}
		}
		return chain;
	}

	/**
	 * A subtree computed apart whose parent is in this tree: its figures and sets count
	 * for every organization above it, as if its records had been read here.
	 */
	void rolledUp(RollUp child) {
		if (contains(child.parentId())) {
			this.children.add(child);
		}
	}

	/** Each target's figures over its whole subtree. */
	Map<String, Figures> rollUp(TalkCoverage coverage) {
		return totals(coverage).targets();
	}

	/** Every organization's figures over its whole subtree, and what it passes up. */
	Totals totals(TalkCoverage coverage) {
		Map<String, Figures> sums = new HashMap<>();
		Map<String, Set<String>> cadres = new HashMap<>();
		for (OrgNode node : this.nodes.values()) {
			Figures figures = this.own.getOrDefault(node.id(), Figures.NONE).plus(organizationFigures(node));
			Set<String> cadresHere = this.cadresOnDay.getOrDefault(node.id(), Set.of());
			for (String id : chain(node)) {
				sums.merge(id, figures, Figures::plus);
				if (!cadresHere.isEmpty()) {
					cadres.computeIfAbsent(id, (k) -> new HashSet<>()).addAll(cadresHere);
				}
			}
		}
		Map<String, Map<String, RollUp.Counted>> principals = new HashMap<>();
		Map<String, Boolean> supervised = new HashMap<>();
		for (Post post : this.countedPrincipals) {
			boolean isNew = coverage.isNew(post);
			RollUp.Counted counted = RollUp.Counted.of(post,
					supervised.computeIfAbsent(post.cadreId(), coverage::supervised), isNew,
					isNew && coverage.timelyAppointmentTalk(post));
			for (String id : chain(this.nodes.get(post.organizationId()))) {
				principals.computeIfAbsent(id, (k) -> new HashMap<>())
					.merge(post.cadreId(), counted, RollUp.Counted::deeper);
			}
		}
		for (RollUp child : this.children) {
			// its distinct counts are counted again below from its sets
			for (String id : chain(this.nodes.get(child.parentId()))) {
				sums.merge(id, child.figures(), Figures::plus);
				cadres.computeIfAbsent(id, (k) -> new HashSet<>()).addAll(child.cadres());
				Map<String, RollUp.Counted> here = principals.computeIfAbsent(id, (k) -> new HashMap<>());
				for (RollUp.Counted counted : child.principals()) {
					here.merge(counted.cadreId(), counted, RollUp.Counted::deeper);
				}
			}
		}
		return new Totals(sums, cadres, principals);
	}

	/** The sums of a roll-up, by organization. */
	final class Totals {

		private final Map<String, Figures> sums;

		private final Map<String, Set<String>> cadres;

		private final Map<String, Map<String, RollUp.Counted>> principals;

		private Totals(Map<String, Figures> sums, Map<String, Set<String>> cadres,
				Map<String, Map<String, RollUp.Counted>> principals) {
			this.sums = sums;
			this.cadres = cadres;
			this.principals = principals;
		}

		/** The organization's figures over its whole subtree. */
		Figures of(String organizationId) {
			Collection<RollUp.Counted> counted = this.principals.getOrDefault(organizationId, Map.of()).values();
			long withTalk = 0;
			long isNew = 0;
			long timelyTalks = 0;
			for (RollUp.Counted post : counted) {
				withTalk += post.supervised() ? 1 : 0;
				isNew += post.isNew() ? 1 : 0;
				timelyTalks += post.timely() ? 1 : 0;
			}
			return this.sums.getOrDefault(organizationId, Figures.NONE)
				.toBuilder()
				.cadres(this.cadres.getOrDefault(organizationId, Set.of()).size())
				.principals(counted.size())
				.principalsWithSupervisionTalk(withTalk)
				.newPrincipals(isNew)
				.newPrincipalsWithTimelyTalk(timelyTalks)
				.build();
		}

		/** Each target's figures, in code order. */
		Map<String, Figures> targets() {
			Map<String, Figures> result = new LinkedHashMap<>();
			for (OrgNode target : YearFigures.this.targets()) {
				result.put(target.id(), of(target.id()));
			}
			return result;
		}

		/** What the organization passes up to its parent. */
		RollUp rollUp(String organizationId) {
			OrgNode node = YearFigures.this.nodes.get(organizationId);
			return new RollUp(organizationId, node.parentId(), YearFigures.this.period.year(), of(organizationId),
					this.cadres.getOrDefault(organizationId, Set.of()),
					new ArrayList<>(this.principals.getOrDefault(organizationId, Map.of()).values()));
		}

	}

	/** What an organization counts as itself: existing, vacant, a team due a meeting. */
	private Figures organizationFigures(OrgNode node) {
		if (!node.existsOn(this.period.referenceDay())) {
			return Figures.NONE;
		}
		Figures.Builder figures = Figures.builder().organizations(1);
		if (!this.principalOnDay.containsKey(node.id())) {
			figures.vacancies(1);
		}
		if (this.meetingKinds.contains(node.kind()) && this.withTeam.contains(node.id())) {
			figures.teams(1).teamsWithMeeting(this.meetingsHeld.containsKey(node.id()) ? 1 : 0);
		}
		return figures.build();
	}

}
