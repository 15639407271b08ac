package org.oversight.core.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import org.oversight.core.cadre.ActivePosts;
import org.oversight.core.cadre.Appointment;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.common.Memo;
import org.oversight.core.common.OversightProperties;
import org.oversight.core.lookup.LookupLists;
import org.oversight.core.mongo.KeptResults;
import org.oversight.core.mongo.WriteEpochs;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationQueries;
import org.oversight.core.organization.Organizations;

/**
 * The supervision graph as of any day: edges derived from today's tree and the
 * appointments held on the day, plus the stored ones valid on it. Every method answers a
 * whole batch of cadres with a fixed number of queries.
 * <p>
 * The methods that take a {@link Memo} read posts and stored edges through it: the
 * supervisors, the supervisees and the chain of the same cadres, asked for in one
 * request, then read each cadre's posts, each team and each cadre's stored edges once.
 * The others read afresh on every call.
 */
@Service
public class SupervisionGraph {

	/** The stored edges from or to a cadre, by cadre id. */
	private static final Memo.Slot<List<StoredSupervision>> STORED_EDGES = new Memo.Slot<>("stored edges of a cadre");

	private final ActivePosts posts;

	private final Organizations organizations;

	private final MongoTemplate mongo;

	private final OrganizationQueries organizationQueries;

	private final LookupLists lookups;

	private final KeptResults<BlindSpotsOf, BlindSpots> keptBlindSpots;

	private final KeptResults<CadreOn, List<String>> keptChains;

	private final KeptResults<CadreEdges, List<SupervisionEdge>> keptSupervisors;

	private final KeptResults<CadreEdges, List<SupervisionEdge>> keptSupervisees;

	/**
	 * A cadre's part of a supervision is small and a walk below a city's principal meets
	 * thousands: a hundred times as many are kept as of a subtree's blind spots.
	 */
	static final int PER_CADRE = 100;

	/** What the parts of a cadre's supervision are derived from. */
	static final List<String> READ_FROM = List.of("organizations", "appointments", "principal_seats", "supervisions");

	SupervisionGraph(ActivePosts posts, Organizations organizations, MongoTemplate mongo,
			OrganizationQueries organizationQueries, LookupLists lookups, WriteEpochs epochs,
			OversightProperties properties) {
		this.keptBlindSpots = new KeptResults<>(epochs, List.of("organizations", "appointments", "principal_seats"),
				properties.keptResults(), properties.keptResultsLifetime());
		int perCadre = properties.keptResults() * PER_CADRE;
		this.keptChains = new KeptResults<>(epochs, READ_FROM, perCadre, properties.keptResultsLifetime());
		this.keptSupervisors = new KeptResults<>(epochs, READ_FROM, perCadre, properties.keptResultsLifetime());
		this.keptSupervisees = new KeptResults<>(epochs, READ_FROM, perCadre, properties.keptResultsLifetime());
		this.lookups = lookups;
		this.organizationQueries = organizationQueries;
		this.posts = posts;
		this.organizations = organizations;
		this.mongo = mongo;
	}

	/** Edges pointing at each cadre, in kind order. */
	public Map<String, List<SupervisionEdge>> supervisorsOf(Collection<String> cadreIds, LocalDate day,
			Set<SupervisionKind> kinds) {
		return supervisorsOf(cadreIds, day, kinds, new Memo());
	}

	/**
	 * Edges pointing at each cadre, in kind order, read through the request's memo; kept
	 * per cadre until what they are derived from is written ({@link KeptResults}).
	 */
	public Map<String, List<SupervisionEdge>> supervisorsOf(Collection<String> cadreIds, LocalDate day,
			Set<SupervisionKind> kinds, Memo memo) {
		Set<SupervisionKind> wanted = (kinds == null || kinds.isEmpty()) ? EnumSet.allOf(SupervisionKind.class)
				: EnumSet.copyOf(kinds);
		return kept(this.keptSupervisors, cadreIds, (id) -> new CadreEdges(id, day, wanted),
				(ids) -> computeSupervisors(ids, day, wanted, memo));
	}

	private Map<String, List<SupervisionEdge>> computeSupervisors(Collection<String> cadreIds, LocalDate day,
			Set<SupervisionKind> wanted, Memo memo) {
		Map<String, Set<SupervisionEdge>> result = new LinkedHashMap<>();
		cadreIds.forEach((id) -> result.put(id, new LinkedHashSet<>()));
		List<Appointment> held = this.posts.ofCadres(cadreIds, day, memo);
		Set<String> related = new LinkedHashSet<>();
		held.forEach((post) -> related.addAll(post.orgPath()));
		Teams teams = new Teams(this.posts.inOrganizations(related, day, memo));
		for (Appointment post : held) {
			Set<SupervisionEdge> edges = result.get(post.cadreId());
			String subject = post.cadreId();
			List<Appointment> team = teams.of(post.organizationId());
			if (post.isPrincipal()) {
				for (Appointment upper : teams.nearestUpperPrincipals(post.orgPath(), subject)) {
					edges.add(edge(upper, post, SupervisionKind.UPPER_PRINCIPAL, post.organizationId()));
				}
			}
			for (Appointment member : team) {
				if (member.cadreId().equals(subject)) {
					continue;
				}
				if (member.isPrincipal() && !post.isPrincipal()) {
					edges.add(edge(member, post, SupervisionKind.PRINCIPAL_OVER_TEAM, post.organizationId()));
				}
				if (member.role() == TeamRole.DISCIPLINE_SECRETARY) {
					edges.add(edge(member, post, SupervisionKind.DISCIPLINE_SECRETARY, post.organizationId()));
				}
				if (isPeerSupervisor(member) && !post.isPrincipal()) {
					edges.add(edge(member, post, SupervisionKind.PEER, post.organizationId()));
				}
			}
		}
		if (wanted.contains(SupervisionKind.STATIONED) || wanted.contains(SupervisionKind.ASSIGNED)) {
			storedEdges(cadreIds, memo).forEach((cadre, edges) -> {
				for (StoredSupervision edge : edges) {
					if (edge.subjectId().equals(cadre) && edge.validOn(day)) {
						result.get(cadre).add(edge.toEdge());
					}
				}
			});
		}
		return ordered(result, wanted);
	}

	/** Edges starting at each cadre, in kind order. */
	public Map<String, List<SupervisionEdge>> superviseesOf(Collection<String> cadreIds, LocalDate day,
			Set<SupervisionKind> kinds) {
		return superviseesOf(cadreIds, day, kinds, new Memo());
	}

	/**
	 * Edges starting at each cadre, in kind order, read through the request's memo; kept
	 * per cadre until what they are derived from is written ({@link KeptResults}).
	 */
	public Map<String, List<SupervisionEdge>> superviseesOf(Collection<String> cadreIds, LocalDate day,
			Set<SupervisionKind> kinds, Memo memo) {
		Set<SupervisionKind> wanted = (kinds == null || kinds.isEmpty()) ? EnumSet.allOf(SupervisionKind.class)
				: EnumSet.copyOf(kinds);
		return kept(this.keptSupervisees, cadreIds, (id) -> new CadreEdges(id, day, wanted),
				(ids) -> computeSupervisees(ids, day, wanted, memo));
	}

	private Map<String, List<SupervisionEdge>> computeSupervisees(Collection<String> cadreIds, LocalDate day,
			Set<SupervisionKind> wanted, Memo memo) {
		Map<String, Set<SupervisionEdge>> result = new LinkedHashMap<>();
		cadreIds.forEach((id) -> result.put(id, new LinkedHashSet<>()));
		List<Appointment> held = this.posts.ofCadres(cadreIds, day, memo);
		// the teams of the whole paths, though only the posts' own are needed: the
		// supervisors and the chain read those, so a request asking for the three reads
		// them once, whichever comes first
		Set<String> related = new LinkedHashSet<>();
		held.forEach((post) -> related.addAll(post.orgPath()));
		Teams teams = new Teams(this.posts.inOrganizations(related, day, memo));
		for (Appointment post : held) {
			Set<SupervisionEdge> edges = result.get(post.cadreId());
			for (Appointment member : teams.of(post.organizationId())) {
				if (member.cadreId().equals(post.cadreId())) {
					continue;
				}
				if (post.isPrincipal() && !member.isPrincipal()) {
					edges.add(edge(post, member, SupervisionKind.PRINCIPAL_OVER_TEAM, post.organizationId()));
				}
				if (post.role() == TeamRole.DISCIPLINE_SECRETARY) {
					edges.add(edge(post, member, SupervisionKind.DISCIPLINE_SECRETARY, post.organizationId()));
				}
				if (isPeerSupervisor(post) && !member.isPrincipal()) {
					edges.add(edge(post, member, SupervisionKind.PEER, post.organizationId()));
				}
			}
		}
		List<Appointment> principalPosts = held.stream().filter(Appointment::isPrincipal).toList();
		if (!principalPosts.isEmpty() && wanted.contains(SupervisionKind.UPPER_PRINCIPAL)) {
			Set<String> tops = principalPosts.stream().map(Appointment::organizationId).collect(Collectors.toSet());
			List<Appointment> below = principalsBelow(tops, day, memo);
			Teams principals = new Teams(below);
			for (Appointment lower : below) {
				for (Appointment upper : principals.nearestUpperPrincipals(lower.orgPath(), lower.cadreId())) {
					if (result.containsKey(upper.cadreId()) && tops.contains(upper.organizationId())) {
						result.get(upper.cadreId())
							.add(edge(upper, lower, SupervisionKind.UPPER_PRINCIPAL, lower.organizationId()));
					}
				}
			}
		}
		if (wanted.contains(SupervisionKind.STATIONED) || wanted.contains(SupervisionKind.ASSIGNED)) {
			storedEdges(cadreIds, memo).forEach((cadre, edges) -> {
				for (StoredSupervision edge : edges) {
					if (edge.supervisorId().equals(cadre) && edge.validOn(day)) {
						result.get(cadre).add(edge.toEdge());
					}
				}
			});
		}
		return ordered(result, wanted);
	}

	/**
	 * The principals of the tops and of the organizations below them that an
	 * UPPER_PRINCIPAL edge from a top can reach: the walk goes down only through
	 * organizations without a principal, or whose one principal is the cadre it looks for
	 * further down (a principal's own posts do not block their way up). An organization
	 * with two principals, or with one other than the cadre an organization above it
	 * allows, blocks everything below it; what lies below is not read. Every organization
	 * between a top and a principal read here is read too, so the nearest principal above
	 * each is found as in the whole subtree. Before the children's lists are built, the
	 * whole subtrees are read.
	 */
	private List<Appointment> principalsBelow(Set<String> tops, LocalDate day, Memo memo) {
		List<Appointment> found = new ArrayList<>(this.posts.principalsIn(tops, day, memo));
		// organization → the one cadre a principal below it may be (null: any)
		Map<String, String> frontier = new LinkedHashMap<>();
		tops.forEach((top) -> frontier.put(top, null));
		Set<String> visited = new LinkedHashSet<>(tops);
		while (!frontier.isEmpty()) {
			Optional<Map<String, List<String>>> children = this.organizationQueries.childIds(frontier.keySet(), memo);
			if (children.isEmpty()) {
				return this.posts.principalsInSubtrees(tops, day, memo);
			}
			Map<String, String> allowed = new LinkedHashMap<>();
			children.get().forEach((parent, ids) -> ids.forEach((child) -> {
				if (visited.add(child)) {
					allowed.put(child, frontier.get(parent));
				}
			}));
			Map<String, List<Appointment>> principals = new LinkedHashMap<>();
			for (Appointment post : this.posts.principalsIn(allowed.keySet(), day, memo)) {
				if (allowed.containsKey(post.organizationId())) {
					principals.computeIfAbsent(post.organizationId(), (k) -> new ArrayList<>()).add(post);
					found.add(post);
				}
			}
			frontier.clear();
			allowed.forEach((organization, only) -> {
				Set<String> cadres = principals.getOrDefault(organization, List.of())
					.stream()
					.map(Appointment::cadreId)
					.collect(Collectors.toSet());
				if (cadres.isEmpty()) {
					frontier.put(organization, only);
				}
				else if (cadres.size() == 1 && (only == null || cadres.contains(only))) {
					frontier.put(organization, cadres.iterator().next());
				}
			});
		}
		// a child listed under a parent it has left (lists may hold an id too many) is
		// visited but its principals count only below a top through visited organizations
		return found.stream()
			.filter((post) -> reachedFrom(tops, visited, post.orgPath()))
			.sorted(Comparator.comparing((Appointment post) -> post.orgPath().size())
				.thenComparing(Appointment::organizationId)
				.thenComparing(Appointment::id))
			.toList();
	}

	private static boolean reachedFrom(Set<String> tops, Set<String> visited, List<String> path) {
		for (int i = path.size() - 1; i >= 0; i--) {
			if (tops.contains(path.get(i))) {
				return true;
			}
			if (!visited.contains(path.get(i))) {
				return false;
			}
		}
		return false;
	}

	/**
	 * The stored edges from or to each cadre, in the order stored: one read for both
	 * directions, so the supervisors and the supervisees of a request share it.
	 */
	private Map<String, List<StoredSupervision>> storedEdges(Collection<String> cadreIds, Memo memo) {
		return memo.get(STORED_EDGES, cadreIds, (missing) -> {
			Map<String, List<StoredSupervision>> byCadre = new LinkedHashMap<>();
			missing.forEach((id) -> byCadre.put(id, new ArrayList<>()));
			// through the lists of both directions when built: the embedded server
			// matches
			// the $or against every stored edge
			Optional<List<String>> listed = this.lookups
				.union(List.of(SupervisionService.SUBJECT_EDGES, SupervisionService.SUPERVISOR_EDGES), missing);
			if (listed.isPresent() && listed.get().isEmpty()) {
				return byCadre;
			}
			Query touching = listed.isPresent() ? Query.query(Criteria.where("_id").in(listed.get()))
					: Query.query(new Criteria().orOperator(Criteria.where("subjectId").in(missing),
							Criteria.where("supervisorId").in(missing)));
			for (StoredSupervision edge : this.mongo.find(touching, StoredSupervision.class)) {
				if (byCadre.containsKey(edge.subjectId())) {
					byCadre.get(edge.subjectId()).add(edge);
				}
				if (byCadre.containsKey(edge.supervisorId()) && !edge.supervisorId().equals(edge.subjectId())) {
					byCadre.get(edge.supervisorId()).add(edge);
				}
			}
			return byCadre;
		});
	}

	/**
	 * Each cadre's supervision chain, nearest first, skipping vacant posts: a principal
	 * (placed by the deepest PRINCIPAL post) has their UPPER_PRINCIPAL supervisor, then
	 * theirs; anyone else starts with the principal of the team of their deepest post.
	 */
	public Map<String, List<String>> chains(Collection<String> cadreIds, LocalDate day) {
		return chains(cadreIds, day, new Memo());
	}

	/**
	 * {@link #chains(Collection, LocalDate)} read through the request's memo. The
	 * principals of each level come from the teams of the organizations on the walks'
	 * paths (which a cadre's supervisors read as well); the posts of every principal met
	 * on those paths are read with the next walkers' placements, so a chain that climbs
	 * the path it started on costs no further reads.
	 */
	public Map<String, List<String>> chains(Collection<String> cadreIds, LocalDate day, Memo memo) {
		return kept(this.keptChains, cadreIds, (id) -> new CadreOn(id, day), (ids) -> computeChains(ids, day, memo));
	}

	private Map<String, List<String>> computeChains(Collection<String> cadreIds, LocalDate day, Memo memo) {
		Map<String, List<Appointment>> principalsCache = new HashMap<>();
		Map<String, Optional<Appointment>> placements = placements(cadreIds, day, memo);
		List<ChainWalk> walks = new ArrayList<>();
		Map<String, List<String>> result = new LinkedHashMap<>();
		for (String cadreId : cadreIds) {
			ChainWalk walk = new ChainWalk(cadreId, placements.get(cadreId).orElse(null));
			walks.add(walk);
			result.put(cadreId, walk.chain);
		}
		// all walks advance one step at a time: a fixed number of queries per level of
		// the tree
		List<ChainWalk> active = walks.stream().filter((w) -> w.post != null).toList();
		while (!active.isEmpty()) {
			Set<String> orgs = new HashSet<>();
			active.forEach((w) -> orgs.addAll(w.post.orgPath()));
			loadPrincipals(orgs, day, principalsCache, memo);
			List<ChainWalk> moving = new ArrayList<>();
			for (ChainWalk walk : active) {
				Appointment next = nearestPrincipal(walk.post.orgPath(), walk.includeOwn, walk.visited,
						principalsCache);
				if (next != null) {
					walk.chain.add(next.cadreId());
					walk.visited.add(next.cadreId());
					walk.post = next;
					walk.includeOwn = false;
					moving.add(walk);
				}
			}
			Set<String> next = moving.stream().map((w) -> w.post.cadreId()).collect(Collectors.toSet());
			// whoever may come after them: the principals known on their paths
			Set<String> ahead = new LinkedHashSet<>(next);
			moving.forEach((w) -> w.post.orgPath()
				.forEach((org) -> principalsCache.getOrDefault(org, List.of())
					.forEach((principal) -> ahead.add(principal.cadreId()))));
			this.posts.allOfCadres(ahead, memo);
			Map<String, Optional<Appointment>> nextPlacements = placements(next, day, memo);
			for (ChainWalk walk : moving) {
				nextPlacements.get(walk.post.cadreId())
					.filter(Appointment::isPrincipal)
					.ifPresent((p) -> walk.post = p);
			}
			active = moving;
		}
		return result;
	}

	/** One cadre's walk up the chain. */
	private static final class ChainWalk {

		final List<String> chain = new ArrayList<>();

		final Set<String> visited = new HashSet<>();

		Appointment post;

		boolean includeOwn;

		ChainWalk(String cadreId, Appointment placement) {
			this.visited.add(cadreId);
			this.post = placement;
			this.includeOwn = placement != null && !placement.isPrincipal();
		}

	}

	private void loadPrincipals(Set<String> organizationIds, LocalDate day, Map<String, List<Appointment>> cache,
			Memo memo) {
		List<String> missing = organizationIds.stream().filter((id) -> !cache.containsKey(id)).toList();
		if (!missing.isEmpty()) {
			Map<String, List<Appointment>> loaded = this.posts.inOrganizations(missing, day, memo)
				.stream()
				.filter(Appointment::isPrincipal)
				.collect(Collectors.groupingBy(Appointment::organizationId));
			missing.forEach((id) -> cache.put(id, loaded.getOrDefault(id, List.of())));
		}
	}

	public List<String> chain(String cadreId, LocalDate day) {
		return chains(List.of(cadreId), day).get(cadreId);
	}

	private static Appointment nearestPrincipal(List<String> orgPath, boolean includeOwn, Set<String> visited,
			Map<String, List<Appointment>> cache) {
		int last = orgPath.size() - (includeOwn ? 1 : 2);
		for (int i = last; i >= 0; i--) {
			for (Appointment principal : cache.getOrDefault(orgPath.get(i), List.of())) {
				if (!visited.contains(principal.cadreId())) {
					return principal;
				}
			}
		}
		return null;
	}

	/** Each cadre's placement post on the day (see {@link ActivePosts#placement}). */
	public Map<String, Optional<Appointment>> placements(Collection<String> cadreIds, LocalDate day) {
		return placements(cadreIds, day, new Memo());
	}

	/** Each cadre's placement post on the day, read through the request's memo. */
	public Map<String, Optional<Appointment>> placements(Collection<String> cadreIds, LocalDate day, Memo memo) {
		Map<String, List<Appointment>> byCadre = this.posts.ofCadres(cadreIds, day, memo)
			.stream()
			.collect(Collectors.groupingBy(Appointment::cadreId));
		Map<String, Optional<Appointment>> result = new LinkedHashMap<>();
		for (String id : cadreIds) {
			result.put(id, ActivePosts.placement(byCadre.getOrDefault(id, List.of())));
		}
		return result;
	}

	/**
	 * Blind spots of a subtree on the day: organizations whose principal post is vacant,
	 * and principals with nobody above them to supervise them.
	 */
	public BlindSpots blindSpots(Organization root, LocalDate day) {
		return blindSpots(root, day, new Memo());
	}

	/**
	 * {@link #blindSpots(Organization, LocalDate)} read through the request's memo (the
	 * subtree and its principals, which coverage reads as well), kept until
	 * organizations, appointments or seats are written ({@link KeptResults}).
	 */
	public BlindSpots blindSpots(Organization root, LocalDate day, Memo memo) {
		return this.keptBlindSpots.get(new BlindSpotsOf(root.id(), day), () -> computeBlindSpots(root, day, memo));
	}

	private record BlindSpotsOf(String organizationId, LocalDate day) {
	}

	private record CadreOn(String cadreId, LocalDate day) {
	}

	private record CadreEdges(String cadreId, LocalDate day, Set<SupervisionKind> kinds) {
	}

	/**
	 * Each cadre's part, kept or computed with the others missing; a list of null (a
	 * missing cadre's chain) is answered as it was computed.
	 */
	private static <K, V> Map<String, List<V>> kept(KeptResults<K, List<V>> kept, Collection<String> cadreIds,
			java.util.function.Function<String, K> key,
			java.util.function.Function<List<String>, Map<String, List<V>>> compute) {
		Map<K, String> cadreOf = new LinkedHashMap<>();
		cadreIds.forEach((id) -> cadreOf.put(key.apply(id), id));
		Map<K, List<V>> found = kept.getAll(cadreOf.keySet(), (missing) -> {
			Map<String, List<V>> computed = compute.apply(missing.stream().map(cadreOf::get).toList());
			Map<K, List<V>> byKey = new LinkedHashMap<>();
			for (K k : missing) {
				String id = cadreOf.get(k);
				if (computed.containsKey(id)) {
					List<V> value = computed.get(id);
					byKey.put(k,
							(value != null) ? java.util.Collections.unmodifiableList(new ArrayList<>(value)) : null);
				}
			}
			return byKey;
		});
		Map<String, List<V>> result = new LinkedHashMap<>();
		found.forEach((k, value) -> result.put(cadreOf.get(k), value));
		return result;
	}

	private BlindSpots computeBlindSpots(Organization root, LocalDate day, Memo memo) {
		List<Organization> whole = this.organizationQueries.subtree(root.id(), memo);
		Map<String, String> codes = new HashMap<>();
		whole.forEach((o) -> codes.put(o.id(), o.code()));
		List<Organization> subtree = whole.stream()
			.filter((o) -> o.existsOn(day))
			.sorted(Comparator.comparing(Organization::code))
			.toList();
		List<Appointment> principals = new ArrayList<>(this.posts.principalsInSubtrees(List.of(root.id()), day, memo));
		principals.addAll(this.posts.principalsIn(root.ancestorIds(), day, memo));
		Teams teams = new Teams(principals);
		List<Organization> vacancies = subtree.stream().filter((o) -> teams.of(o.id()).isEmpty()).toList();
		Set<String> unsupervised = new LinkedHashSet<>();
		Map<String, String> postCodes = new HashMap<>();
		for (Appointment principal : principals) {
			if (!principal.orgPath().contains(root.id())) {
				continue;
			}
			postCodes.putIfAbsent(principal.cadreId(), codes.getOrDefault(principal.organizationId(), ""));
			if (teams.nearestUpperPrincipals(principal.orgPath(), principal.cadreId()).isEmpty()) {
				unsupervised.add(principal.cadreId());
			}
		}
		return new BlindSpots(vacancies,
				unsupervised.stream()
					.sorted(Comparator.comparing((String cadre) -> postCodes.getOrDefault(cadre, "")))
					.toList());
	}

	/**
	 * @param vacancies organizations of the subtree, existing on the day, whose principal
	 * post is vacant, by code
	 * @param principalsWithoutSupervisor principals with nobody above them, by the code
	 * of their first principal post in the subtree
	 */
	public record BlindSpots(List<Organization> vacancies, List<String> principalsWithoutSupervisor) {
	}

	private static boolean isPeerSupervisor(Appointment post) {
		return post.role() == TeamRole.DEPUTY || post.role() == TeamRole.MEMBER;
	}

	private static SupervisionEdge edge(Appointment supervisor, Appointment subject, SupervisionKind kind,
			String organizationId) {
		LocalDate from = supervisor.start().isAfter(subject.start()) ? supervisor.start() : subject.start();
		LocalDate to;
		if (supervisor.end() == null) {
			to = subject.end();
		}
		else if (subject.end() == null) {
			to = supervisor.end();
		}
		else {
			to = supervisor.end().isBefore(subject.end()) ? supervisor.end() : subject.end();
		}
		return SupervisionEdge.derived(supervisor.cadreId(), subject.cadreId(), kind, organizationId, from, to);
	}

	private static Map<String, List<SupervisionEdge>> ordered(Map<String, Set<SupervisionEdge>> edges,
			Set<SupervisionKind> wanted) {
		Map<String, List<SupervisionEdge>> result = new LinkedHashMap<>();
		edges.forEach((cadre, set) -> result.put(cadre,
				dedupe(set).stream()
					.filter((e) -> wanted.contains(e.kind()))
					.sorted(Comparator.comparing(SupervisionEdge::kind))
					.toList()));
		return result;
	}

	/** One derived edge per (supervisor, subject, kind, organization). */
	private static List<SupervisionEdge> dedupe(Set<SupervisionEdge> edges) {
		Map<List<Object>, SupervisionEdge> unique = new LinkedHashMap<>();
		for (SupervisionEdge edge : edges) {
			List<Object> key = (edge.id() != null) ? List.of(edge.id())
					: List.of(edge.supervisorId(), edge.subjectId(), edge.kind(), edge.organizationId());
			unique.putIfAbsent(key, edge);
		}
		return new ArrayList<>(unique.values());
	}

	/** Appointments of the day grouped by organization. */
	static final class Teams {

		private final Map<String, List<Appointment>> byOrganization;

		Teams(List<Appointment> appointments) {
			this.byOrganization = appointments.stream().collect(Collectors.groupingBy(Appointment::organizationId));
		}

		List<Appointment> of(String organizationId) {
			return this.byOrganization.getOrDefault(organizationId, List.of());
		}

		/**
		 * The principals of the nearest ancestor (of the last organization of the path)
		 * that has a principal other than {@code subject}.
		 */
		List<Appointment> nearestUpperPrincipals(List<String> orgPath, String subject) {
			for (int i = orgPath.size() - 2; i >= 0; i--) {
				List<Appointment> principals = of(orgPath.get(i)).stream()
					.filter((a) -> a.isPrincipal() && !Objects.equals(a.cadreId(), subject))
					.toList();
				if (!principals.isEmpty()) {
					return principals;
				}
			}
			return List.of();
		}

	}

}
