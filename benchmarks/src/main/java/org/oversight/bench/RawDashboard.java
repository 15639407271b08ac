package org.oversight.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import org.oversight.core.cadre.TeamRole;
import org.oversight.core.rectification.RectificationStatus;
import org.oversight.core.supervision.SupervisionKind;
import org.oversight.core.talk.TalkKind;

/**
 * The dashboard queries answered with the raw MongoDB Java driver: the fewest finds and
 * aggregations that give the same answer (the same JSON as the server's {@code data},
 * checked before each measurement), with the same rules applied in memory. Counts the
 * commands it sends.
 */
final class RawDashboard {

	private static final String PRINCIPAL = TeamRole.PRINCIPAL.name();

	private final MongoDatabase db;

	private final LocalDate today;

	final AtomicInteger commands = new AtomicInteger();

	RawDashboard(MongoDatabase db, LocalDate today) {
		this.db = db;
		this.today = today;
	}

	Document answer(String query, Map<String, Object> variables) {
		return switch (query) {
			case "overview" -> overview((String) variables.get("id"));
			case "overdueList" -> overdueList((String) variables.get("under"));
			case "supervisionOfACadre" -> supervision((String) variables.get("code"));
			case "coverage" -> coverage((String) variables.get("id"), (Integer) variables.get("year"));
			default -> throw new IllegalArgumentException(query);
		};
	}

	// ---- screen 1: overview --------------------------------------------------------

	/**
	 * Five commands: the organization with its children; their principals; the
	 * principals' names; open and overdue tasks counted together in one aggregation; the
	 * findings counted in another.
	 */
	Document overview(String id) {
		List<Document> orgs = find("organizations",
				Filters.or(Filters.eq("_id", new ObjectId(id)), Filters.eq("parentId", id)),
				Projections.include("code", "name", "level", "parentId"));
		Document root = orgs.stream().filter((o) -> id(o).equals(id)).findFirst().orElse(null);
		if (root == null) {
			return new Document("organization", null);
		}
		List<Document> children = new ArrayList<>(orgs.stream().filter((o) -> !id(o).equals(id)).toList());
		children.sort(Comparator.comparing((Document o) -> o.getString("code")));
		List<String> childIds = children.stream().map(RawDashboard::id).toList();
		List<String> all = new ArrayList<>(childIds);
		all.add(id);
		Map<String, String> principalOf = new HashMap<>();
		for (Document post : find("appointments",
				Filters.and(Filters.in("organizationId", all), Filters.eq("role", PRINCIPAL), heldOn(this.today)),
				Projections.include("organizationId", "cadreId"))) {
			principalOf.putIfAbsent(post.getString("organizationId"), post.getString("cadreId"));
		}
		Map<String, String> names = names(principalOf.values());
		Map<String, int[]> tasks = new HashMap<>();
		Map<String, Integer> findings = new HashMap<>();
		if (!childIds.isEmpty()) {
			Document overdue = new Document("$and",
					List.of(new Document("$in", List.of("$status", List.of("ASSIGNED", "IN_PROGRESS"))),
							new Document("$lt", List.of("$deadline", date(this.today)))));
			for (Document row : aggregate("rectifications", List.of(
					new Document("$match",
							new Document("orgPath", new Document("$in", childIds)).append("status",
									new Document("$in", List.of("ASSIGNED", "IN_PROGRESS", "SUBMITTED")))),
					new Document("$project",
							new Document("orgPath", 1).append("o", new Document("$cond", List.of(overdue, 1, 0)))),
					new Document("$unwind", "$orgPath"),
					new Document("$match", new Document("orgPath", new Document("$in", childIds))),
					new Document("$group", new Document("_id", "$orgPath").append("open", new Document("$sum", 1))
						.append("overdue", new Document("$sum", "$o")))))) {
				tasks.put(row.getString("_id"), new int[] { number(row, "open"), number(row, "overdue") });
			}
			for (Document row : aggregate("findings", List.of(
					new Document("$match", new Document("orgPath", new Document("$in", childIds))),
					new Document("$project", new Document("orgPath", 1)), new Document("$unwind", "$orgPath"),
					new Document("$match", new Document("orgPath", new Document("$in", childIds))),
					new Document("$group", new Document("_id", "$orgPath").append("n", new Document("$sum", 1)))))) {
				findings.put(row.getString("_id"), number(row, "n"));
			}
		}
		List<Document> rows = new ArrayList<>();
		for (Document child : children) {
			String childId = id(child);
			int[] counts = tasks.getOrDefault(childId, new int[2]);
			String principal = principalOf.get(childId);
			rows.add(new Document("code", child.getString("code")).append("name", child.getString("name"))
				.append("level", child.getString("level"))
				.append("vacant", principal == null)
				.append("principal", named(names, principal))
				.append("open", new Document("totalCount", counts[0]))
				.append("overdue", new Document("totalCount", counts[1]))
				.append("findings", new Document("totalCount", findings.getOrDefault(childId, 0))));
		}
		return new Document("organization",
				new Document("code", root.getString("code")).append("name", root.getString("name"))
					.append("principal", named(names, principalOf.get(id)))
					.append("children", rows));
	}

	// ---- screen 2: the overdue list ------------------------------------------------

	/**
	 * Four commands: the first page and the total in one aggregation ($facet), then the
	 * findings, the organizations (responsible and reminded) and the cadres (responsible
	 * and subjects) of the page.
	 */
	Document overdueList(String under) {
		Document match = new Document("status", new Document("$in", List.of("ASSIGNED", "IN_PROGRESS")))
			.append("deadline", new Document("$lt", date(this.today)));
		if (under != null) {
			match.append("orgPath", under);
		}
		List<Document> result = aggregate("rectifications",
				List.of(new Document("$match", match), new Document("$facet", new Document("rows",
						List.of(new Document("$sort", new Document("deadline", 1).append("_id", 1)),
								new Document("$limit", 20),
								new Document("$project",
										new Document("measures", 1).append("deadline", 1)
											.append("status", 1)
											.append("responsibleOrganizationId", 1)
											.append("responsibleCadreId", 1)
											.append("findingId", 1)
											.append("reminders", 1))))
					.append("total", List
						.of(new Document("$group", new Document("_id", null).append("n", new Document("$sum", 1))))))));
		Document facet = result.get(0);
		List<Document> rows = facet.getList("rows", Document.class);
		List<Document> total = facet.getList("total", Document.class);
		Set<String> findingIds = new LinkedHashSet<>();
		Set<String> orgIds = new LinkedHashSet<>();
		Set<String> cadreIds = new LinkedHashSet<>();
		for (Document row : rows) {
			findingIds.add(row.getString("findingId"));
			orgIds.add(row.getString("responsibleOrganizationId"));
			if (row.getString("responsibleCadreId") != null) {
				cadreIds.add(row.getString("responsibleCadreId"));
			}
			for (Document reminder : row.getList("reminders", Document.class, List.of())) {
				orgIds.add(reminder.getString("issuedToId"));
			}
		}
		Map<String, Document> findings = new HashMap<>();
		if (!findingIds.isEmpty()) {
			for (Document finding : find("findings", Filters.in("_id", oids(findingIds)),
					Projections.include("description", "severity", "concernsPrincipal", "subjectId"))) {
				findings.put(id(finding), finding);
				if (finding.getString("subjectId") != null) {
					cadreIds.add(finding.getString("subjectId"));
				}
			}
		}
		Map<String, Document> orgs = byId("organizations", orgIds, Projections.include("code", "name"));
		Map<String, String> names = names(cadreIds);
		List<Document> edges = new ArrayList<>();
		for (Document row : rows) {
			LocalDate deadline = day(row, "deadline");
			Document organization = orgs.get(row.getString("responsibleOrganizationId"));
			Document finding = findings.get(row.getString("findingId"));
			List<Document> reminders = new ArrayList<>();
			for (Document reminder : row.getList("reminders", Document.class, List.of())) {
				Document to = orgs.get(reminder.getString("issuedToId"));
				reminders.add(new Document("level", reminder.getString("level"))
					.append("issuedOn", day(reminder, "issuedOn").toString())
					.append("issuedTo", (to != null) ? new Document("name", to.getString("name")) : null));
			}
			edges.add(new Document("node",
					new Document("id", id(row)).append("measures", row.getString("measures"))
						.append("deadline", deadline.toString())
						.append("daysOverdue", (int) ChronoUnit.DAYS.between(deadline, this.today))
						.append("status", row.getString("status"))
						.append("responsibleOrganization",
								new Document("code", organization.getString("code")).append("name",
										organization.getString("name")))
						.append("responsibleCadre", named(names, row.getString("responsibleCadreId")))
						.append("finding",
								new Document("description", finding.getString("description"))
									.append("severity", finding.getString("severity"))
									.append("concernsPrincipal", finding.getBoolean("concernsPrincipal"))
									.append("subject", named(names, finding.getString("subjectId"))))
						.append("reminders", reminders)));
		}
		return new Document("rectifications",
				new Document("totalCount", total.isEmpty() ? 0 : number(total.get(0), "n")).append("edges", edges));
	}

	// ---- screen 3: a cadre's supervision -------------------------------------------

	/** An appointment as the rules need it. */
	record Post(String id, String cadreId, String organizationId, List<String> orgPath, String role, String title,
			LocalDate start, LocalDate end) {

		static Post of(Document d) {
			return new Post(RawDashboard.id(d), d.getString("cadreId"), d.getString("organizationId"),
					d.getList("orgPath", String.class), d.getString("role"), d.getString("title"), day(d, "start"),
					day(d, "end"));
		}

		boolean principal() {
			return PRINCIPAL.equals(this.role);
		}

		boolean activeOn(LocalDate day) {
			return !this.start.isAfter(day) && (this.end == null || !this.end.isBefore(day));
		}

		int depth() {
			return this.orgPath.size() - 1;
		}

		boolean peer() {
			return TeamRole.DEPUTY.name().equals(this.role) || TeamRole.MEMBER.name().equals(this.role);
		}

	}

	/**
	 * A supervision edge: derived ones are equal by (supervisor, subject, kind,
	 * organization).
	 */
	record Edge(String id, String supervisorId, String subjectId, SupervisionKind kind, String organizationId,
			boolean derived) {

		Object key() {
			return this.derived ? List.of(this.supervisorId, this.subjectId, this.kind, this.organizationId) : this.id;
		}

	}

	/**
	 * Usually seven commands: the cadre; their current posts; in one find the posts held
	 * today in every organization on those posts' paths and the principals below the
	 * organizations they lead; the posts of the principals up the chain (one more round
	 * only when a chain leaves the organizations already read); the stored edges; the
	 * names of the cadres and of the organizations.
	 */
	Document supervision(String code) {
		List<Document> found = find("cadres", Filters.eq("code", code), Projections.include("name"));
		if (found.isEmpty()) {
			return new Document("cadreByCode", null);
		}
		Document cadre = found.get(0);
		String self = id(cadre);
		List<Post> current = find("appointments",
				Filters.and(Filters.eq("cadreId", self),
						Filters.or(Filters.eq("end", null), Filters.gte("end", this.today))),
				null)
			.stream()
			.map(Post::of)
			.toList();
		List<Post> held = current.stream().filter((p) -> p.activeOn(this.today)).toList();
		Set<String> related = new LinkedHashSet<>();
		held.forEach((p) -> related.addAll(p.orgPath()));
		Set<String> tops = new LinkedHashSet<>();
		held.stream().filter(Post::principal).forEach((p) -> tops.add(p.organizationId()));
		List<Post> context = List.of();
		if (!held.isEmpty()) {
			Bson where = Filters.in("organizationId", related);
			if (!tops.isEmpty()) {
				where = Filters.or(where, Filters.and(Filters.eq("role", PRINCIPAL), Filters.in("orgPath", tops)));
			}
			context = find("appointments", Filters.and(where, heldOn(this.today)), null).stream()
				.map(Post::of)
				.toList();
		}
		Map<String, List<Post>> teams = new LinkedHashMap<>();
		for (Post post : context) {
			if (related.contains(post.organizationId())) {
				teams.computeIfAbsent(post.organizationId(), (k) -> new ArrayList<>()).add(post);
			}
		}
		List<String> chain = chain(self, held, teams, related);
		List<Edge> supervisors = supervisors(self, held, teams);
		List<Edge> supervisees = supervisees(self, held, teams, tops, context);
		List<Document> stored = find("supervisions",
				Filters.or(Filters.eq("subjectId", self), Filters.eq("supervisorId", self)), null);
		for (Document edge : stored) {
			LocalDate from = day(edge, "from");
			LocalDate to = day(edge, "to");
			if (from.isAfter(this.today) || (to != null && to.isBefore(this.today))) {
				continue;
			}
			Edge e = new Edge(id(edge), edge.getString("supervisorId"), edge.getString("subjectId"),
					SupervisionKind.valueOf(edge.getString("kind")), edge.getString("organizationId"), false);
			if (self.equals(e.subjectId())) {
				supervisors.add(e);
			}
			if (self.equals(e.supervisorId())) {
				supervisees.add(e);
			}
		}
		supervisors = dedupe(supervisors);
		supervisees = dedupe(supervisees);
		Set<String> cadreIds = new LinkedHashSet<>(chain);
		supervisors.forEach((e) -> cadreIds.add(e.supervisorId()));
		supervisees.forEach((e) -> cadreIds.add(e.subjectId()));
		Map<String, String> names = names(cadreIds);
		Set<String> orgIds = new LinkedHashSet<>();
		current.forEach((p) -> orgIds.add(p.organizationId()));
		supervisors.forEach((e) -> orgIds.add(e.organizationId()));
		Map<String, Document> orgs = byId("organizations", orgIds, Projections.include("name"));
		supervisors.sort(Comparator.comparing(Edge::kind)
			.thenComparing((e) -> names.getOrDefault(e.supervisorId(), ""))
			.thenComparing(Edge::supervisorId));
		supervisees.sort(Comparator.comparing(Edge::kind)
			.thenComparing((e) -> names.getOrDefault(e.subjectId(), ""))
			.thenComparing(Edge::subjectId));
		List<Document> posts = current.stream()
			.sorted(Comparator.comparing(Post::start).thenComparing(Post::id))
			.map((p) -> new Document("title", p.title()).append("role", p.role())
				.append("organization", new Document("name", orgs.get(p.organizationId()).getString("name"))))
			.toList();
		return new Document("cadreByCode", new Document("name", cadre.getString("name")).append("currentPosts", posts)
			.append("supervisionChain", chain.stream().map((c) -> new Document("name", names.get(c))).toList())
			.append("chainDepth", chain.size())
			.append("supervisors", supervisors.stream()
				.map((e) -> new Document("kind", e.kind().name()).append("derived", e.derived())
					.append("supervisor", new Document("name", names.get(e.supervisorId())))
					.append("organization", new Document("name", orgs.get(e.organizationId()).getString("name"))))
				.toList())
			.append("supervisees",
					supervisees.stream()
						.map((e) -> new Document("kind", e.kind().name()).append("subject",
								new Document("name", names.get(e.subjectId()))))
						.toList())
			.append("spanOfControl", (int) supervisees.stream().map(Edge::subjectId).distinct().count()));
	}

	private static List<Edge> dedupe(List<Edge> edges) {
		Map<Object, Edge> unique = new LinkedHashMap<>();
		edges.forEach((e) -> unique.putIfAbsent(e.key(), e));
		return new ArrayList<>(unique.values());
	}

	private static Edge edge(Post supervisor, Post subject, SupervisionKind kind, String organizationId) {
		return new Edge(null, supervisor.cadreId(), subject.cadreId(), kind, organizationId, true);
	}

	private static List<Post> nearestUpperPrincipals(Map<String, List<Post>> teams, List<String> orgPath,
			String subject) {
		for (int i = orgPath.size() - 2; i >= 0; i--) {
			List<Post> principals = teams.getOrDefault(orgPath.get(i), List.of())
				.stream()
				.filter((a) -> a.principal() && !Objects.equals(a.cadreId(), subject))
				.toList();
			if (!principals.isEmpty()) {
				return principals;
			}
		}
		return List.of();
	}

	private List<Edge> supervisors(String self, List<Post> held, Map<String, List<Post>> teams) {
		List<Edge> edges = new ArrayList<>();
		for (Post post : held) {
			if (post.principal()) {
				for (Post upper : nearestUpperPrincipals(teams, post.orgPath(), self)) {
					edges.add(edge(upper, post, SupervisionKind.UPPER_PRINCIPAL, post.organizationId()));
				}
			}
			for (Post member : teams.getOrDefault(post.organizationId(), List.of())) {
				if (member.cadreId().equals(self)) {
					continue;
				}
				if (member.principal() && !post.principal()) {
					edges.add(edge(member, post, SupervisionKind.PRINCIPAL_OVER_TEAM, post.organizationId()));
				}
				if (TeamRole.DISCIPLINE_SECRETARY.name().equals(member.role())) {
					edges.add(edge(member, post, SupervisionKind.DISCIPLINE_SECRETARY, post.organizationId()));
				}
				if (member.peer() && !post.principal()) {
					edges.add(edge(member, post, SupervisionKind.PEER, post.organizationId()));
				}
			}
		}
		return edges;
	}

	private List<Edge> supervisees(String self, List<Post> held, Map<String, List<Post>> teams, Set<String> tops,
			List<Post> context) {
		List<Edge> edges = new ArrayList<>();
		for (Post post : held) {
			for (Post member : teams.getOrDefault(post.organizationId(), List.of())) {
				if (member.cadreId().equals(post.cadreId())) {
					continue;
				}
				if (post.principal() && !member.principal()) {
					edges.add(edge(post, member, SupervisionKind.PRINCIPAL_OVER_TEAM, post.organizationId()));
				}
				if (TeamRole.DISCIPLINE_SECRETARY.name().equals(post.role())) {
					edges.add(edge(post, member, SupervisionKind.DISCIPLINE_SECRETARY, post.organizationId()));
				}
				if (post.peer() && !member.principal()) {
					edges.add(edge(post, member, SupervisionKind.PEER, post.organizationId()));
				}
			}
		}
		if (!tops.isEmpty()) {
			List<Post> below = context.stream()
				.filter((p) -> p.principal() && p.orgPath().stream().anyMatch(tops::contains))
				.toList();
			Map<String, List<Post>> principals = new LinkedHashMap<>();
			below.forEach((p) -> principals.computeIfAbsent(p.organizationId(), (k) -> new ArrayList<>()).add(p));
			for (Post lower : below) {
				for (Post upper : nearestUpperPrincipals(principals, lower.orgPath(), lower.cadreId())) {
					if (upper.cadreId().equals(self) && tops.contains(upper.organizationId())) {
						edges.add(edge(upper, lower, SupervisionKind.UPPER_PRINCIPAL, lower.organizationId()));
					}
				}
			}
		}
		return edges;
	}

	/**
	 * The chain of principals above the cadre (SupervisionGraph#chains for one cadre):
	 * walked in memory over the principals and posts read so far; a round reads what a
	 * walk still lacks, for every candidate at once.
	 */
	private List<String> chain(String self, List<Post> held, Map<String, List<Post>> teams, Set<String> related) {
		Map<String, List<Post>> principals = new HashMap<>();
		for (String org : related) {
			principals.put(org, teams.getOrDefault(org, List.of()).stream().filter(Post::principal).toList());
		}
		Map<String, List<Post>> postsOf = new HashMap<>();
		postsOf.put(self, held);
		while (true) {
			Set<String> missingOrgs = new LinkedHashSet<>();
			Set<String> missingCadres = new LinkedHashSet<>();
			List<String> chain = walk(self, principals, postsOf, missingOrgs, missingCadres);
			if (chain != null) {
				return chain;
			}
			// everyone who could come next: the principals known without their posts
			principals.values()
				.forEach((list) -> list.stream()
					.map(Post::cadreId)
					.filter((c) -> !postsOf.containsKey(c))
					.forEach(missingCadres::add));
			List<Bson> parts = new ArrayList<>();
			if (!missingOrgs.isEmpty()) {
				parts.add(Filters.and(Filters.in("organizationId", missingOrgs), Filters.eq("role", PRINCIPAL)));
			}
			if (!missingCadres.isEmpty()) {
				parts.add(Filters.in("cadreId", missingCadres));
			}
			List<Post> read = find("appointments",
					Filters.and((parts.size() == 1) ? parts.get(0) : Filters.or(parts), heldOn(this.today)), null)
				.stream()
				.map(Post::of)
				.toList();
			missingOrgs.forEach((org) -> principals.put(org, new ArrayList<>()));
			missingCadres.forEach((c) -> postsOf.put(c, new ArrayList<>()));
			for (Post post : read) {
				if (missingOrgs.contains(post.organizationId()) && post.principal()) {
					principals.get(post.organizationId()).add(post);
				}
				if (missingCadres.contains(post.cadreId())) {
					postsOf.get(post.cadreId()).add(post);
				}
			}
		}
	}

	/** The walk, or null when something it needs was not read yet (then named). */
	private static List<String> walk(String self, Map<String, List<Post>> principals, Map<String, List<Post>> postsOf,
			Set<String> missingOrgs, Set<String> missingCadres) {
		List<String> chain = new ArrayList<>();
		Set<String> visited = new HashSet<>(Set.of(self));
		Post post = placement(postsOf.get(self));
		boolean includeOwn = post != null && !post.principal();
		while (post != null) {
			for (String org : post.orgPath()) {
				if (!principals.containsKey(org)) {
					missingOrgs.add(org);
				}
			}
			if (!missingOrgs.isEmpty()) {
				return null;
			}
			Post next = null;
			int last = post.orgPath().size() - (includeOwn ? 1 : 2);
			for (int i = last; i >= 0 && next == null; i--) {
				for (Post principal : principals.get(post.orgPath().get(i))) {
					if (!visited.contains(principal.cadreId())) {
						next = principal;
						break;
					}
				}
			}
			if (next == null) {
				return chain;
			}
			chain.add(next.cadreId());
			visited.add(next.cadreId());
			if (!postsOf.containsKey(next.cadreId())) {
				missingCadres.add(next.cadreId());
				return null;
			}
			Post placement = placement(postsOf.get(next.cadreId()));
			post = (placement != null && placement.principal()) ? placement : next;
			includeOwn = false;
		}
		return chain;
	}

	/** ActivePosts#placement: the deepest PRINCIPAL post, else the deepest post. */
	static Post placement(Collection<Post> posts) {
		Comparator<Post> deepestFirst = Comparator.comparingInt(Post::depth)
			.reversed()
			.thenComparing(Post::start)
			.thenComparing(Post::id);
		var principal = posts.stream().filter(Post::principal).sorted(deepestFirst).findFirst();
		return principal.orElseGet(() -> posts.stream().sorted(deepestFirst).findFirst().orElse(null));
	}

	// ---- screen 4: coverage and blind spots ----------------------------------------

	/**
	 * Five commands: the subtree; every principal post of the subtree and above it
	 * overlapping the year (and today); all posts of the principals counted; their talks
	 * of the year; the names and codes shown.
	 */
	Document coverage(String id, int year) {
		LocalDate day = (year == this.today.getYear()) ? this.today : LocalDate.of(year, 12, 31);
		LocalDate yearStart = LocalDate.of(year, 1, 1);
		LocalDate yearEnd = LocalDate.of(year, 12, 31);
		LocalDate talksTo = yearEnd.plusDays(30);
		List<Document> subtree = find("organizations", Filters.eq("path", id),
				Projections.include("code", "name", "path", "dissolvedOn"));
		Document root = subtree.stream().filter((o) -> id(o).equals(id)).findFirst().orElseThrow();
		List<String> rootPath = root.getList("path", String.class);
		List<String> ancestors = rootPath.subList(0, rootPath.size() - 1);
		Map<String, Document> byId = new HashMap<>();
		subtree.forEach((o) -> byId.put(id(o), o));
		LocalDate from = yearStart.isBefore(this.today) ? yearStart : this.today;
		LocalDate to = talksTo.isAfter(this.today) ? talksTo : this.today;
		List<Post> principals = find("appointments",
				Filters.and(Filters.eq("role", PRINCIPAL),
						Filters.or(Filters.eq("orgPath", id), Filters.in("organizationId", ancestors)),
						Filters.lte("start", to), Filters.or(Filters.eq("end", null), Filters.gte("end", from))),
				null)
			.stream()
			.map(Post::of)
			.toList();
		Set<String> known = new HashSet<>(byId.keySet());
		known.addAll(ancestors);

		// the principals on the reference day
		List<Post> below = principals.stream().filter((p) -> p.orgPath().contains(id) && p.activeOn(day)).toList();
		Map<String, List<Post>> principalsByOrg = new HashMap<>();
		below.forEach((a) -> principalsByOrg.computeIfAbsent(a.organizationId(), (k) -> new ArrayList<>()).add(a));
		principals.stream()
			.filter((p) -> ancestors.contains(p.organizationId()) && p.activeOn(day))
			.forEach((a) -> principalsByOrg.computeIfAbsent(a.organizationId(), (k) -> new ArrayList<>()).add(a));
		Map<String, Post> counted = new LinkedHashMap<>();
		for (Post post : below) {
			if (hasPrincipalAbove(post, principalsByOrg)) {
				counted.merge(post.cadreId(), post, RawDashboard::deeper);
			}
		}
		Map<String, List<Post>> postsOfSubjects = new HashMap<>();
		List<Document> talks = List.of();
		if (!counted.isEmpty()) {
			find("appointments", Filters.in("cadreId", counted.keySet()), null).stream()
				.map(Post::of)
				.forEach((p) -> postsOfSubjects.computeIfAbsent(p.cadreId(), (k) -> new ArrayList<>()).add(p));
			talks = find("talks",
					Filters.and(Filters.in("subjectId", counted.keySet()),
							Filters.in("kind", TalkKind.SUPERVISION.name(), TalkKind.APPOINTMENT.name()),
							Filters.gte("date", yearStart), Filters.lte("date", talksTo)),
					Projections.include("subjectId", "kind", "date", "conductedByIds"));
		}
		Set<String> ancestorOrgs = new HashSet<>();
		postsOfSubjects.values().forEach((list) -> list.forEach((a) -> ancestorOrgs.addAll(a.orgPath())));
		List<Post> overlapping = new ArrayList<>(principals);
		Set<String> unknown = new HashSet<>(ancestorOrgs);
		unknown.removeAll(known);
		if (!unknown.isEmpty()) {
			find("appointments", Filters.and(Filters.eq("role", PRINCIPAL), Filters.in("organizationId", unknown)),
					null)
				.forEach((d) -> overlapping.add(Post.of(d)));
		}
		Map<String, List<Post>> ancestorPrincipalsByOrg = new HashMap<>();
		for (Post p : overlapping) {
			boolean overlaps = !p.start().isAfter(talksTo) && (p.end() == null || !p.end().isBefore(yearStart));
			if (ancestorOrgs.contains(p.organizationId()) && overlaps) {
				ancestorPrincipalsByOrg.computeIfAbsent(p.organizationId(), (k) -> new ArrayList<>()).add(p);
			}
		}
		Map<String, List<Document>> talksBySubject = new HashMap<>();
		talks.forEach((t) -> talksBySubject.computeIfAbsent(t.getString("subjectId"), (k) -> new ArrayList<>()).add(t));

		record Counted(String cadreId, String organizationCode, boolean isNew, boolean supervision, boolean timely) {

			boolean covered() {
				return this.supervision || (this.isNew && this.timely);
			}

		}
		List<Counted> result = new ArrayList<>();
		for (Post post : counted.values()) {
			List<Document> own = talksBySubject.getOrDefault(post.cadreId(), List.of());
			List<Post> subjectPosts = postsOfSubjects.getOrDefault(post.cadreId(), List.of());
			boolean supervision = own.stream().anyMatch((t) -> {
				LocalDate date = day(t, "date");
				return TalkKind.SUPERVISION.name().equals(t.getString("kind")) && !date.isBefore(yearStart)
						&& !date.isAfter(yearEnd) && byAncestorPrincipal(t, subjectPosts, ancestorPrincipalsByOrg);
			});
			boolean isNew = post.start().getYear() == year;
			LocalDate deadline = post.start().plusDays(30);
			boolean timely = isNew && own.stream().anyMatch((t) -> {
				LocalDate date = day(t, "date");
				return TalkKind.APPOINTMENT.name().equals(t.getString("kind")) && !date.isBefore(post.start())
						&& !date.isAfter(deadline) && byAncestorPrincipal(t, subjectPosts, ancestorPrincipalsByOrg);
			});
			Document organization = byId.get(post.organizationId());
			result.add(new Counted(post.cadreId(), (organization != null) ? organization.getString("code") : "", isNew,
					supervision, timely));
		}
		result.sort(Comparator.comparing(Counted::organizationCode).thenComparing(Counted::cadreId));
		List<String> uncovered = result.stream().filter((c) -> !c.covered()).map(Counted::cadreId).toList();
		List<Document> sortedSubtree = subtree.stream()
			.sorted(Comparator.comparing((Document o) -> o.getString("code")))
			.toList();
		List<Document> vacancies = sortedSubtree.stream()
			.filter((o) -> existsOn(o, day) && !principalsByOrg.containsKey(id(o)))
			.toList();

		// blind spots, today
		List<Post> belowToday = principals.stream()
			.filter((p) -> p.orgPath().contains(id) && p.activeOn(this.today))
			.toList();
		List<Post> spotPrincipals = new ArrayList<>(belowToday);
		principals.stream()
			.filter((p) -> ancestors.contains(p.organizationId()) && p.activeOn(this.today))
			.forEach(spotPrincipals::add);
		Map<String, List<Post>> teams = new LinkedHashMap<>();
		spotPrincipals.forEach((p) -> teams.computeIfAbsent(p.organizationId(), (k) -> new ArrayList<>()).add(p));
		List<Document> spotVacancies = sortedSubtree.stream()
			.filter((o) -> existsOn(o, this.today) && !teams.containsKey(id(o)))
			.toList();
		Set<String> unsupervised = new LinkedHashSet<>();
		for (Post principal : spotPrincipals) {
			if (principal.orgPath().contains(id)
					&& nearestUpperPrincipals(teams, principal.orgPath(), principal.cadreId()).isEmpty()) {
				unsupervised.add(principal.cadreId());
			}
		}
		Map<String, String> postOf = new LinkedHashMap<>();
		belowToday.forEach((p) -> postOf.putIfAbsent(p.cadreId(), p.organizationId()));

		List<String> firstUncovered = uncovered.subList(0, Math.min(10, uncovered.size()));
		Set<String> shown = new LinkedHashSet<>(firstUncovered);
		shown.addAll(unsupervised);
		Map<String, Document> cadres = byId("cadres", shown, Projections.include("code", "name"));
		List<String> unsupervisedSorted = unsupervised.stream()
			.filter(cadres::containsKey)
			.sorted(Comparator.comparing((String c) -> {
				Document post = byId.get(postOf.get(c));
				return (post != null) ? post.getString("code") : "";
			}))
			.toList();
		return new Document("supervisionCoverage", new Document("principals", result.size())
			.append("withSupervisionTalk", (int) result.stream().filter(Counted::supervision).count())
			.append("newPrincipals", (int) result.stream().filter(Counted::isNew).count())
			.append("withTimelyAppointmentTalk", (int) result.stream().filter((c) -> c.isNew() && c.timely()).count())
			.append("uncovered",
					new Document("totalCount", uncovered.size()).append("edges",
							firstUncovered.stream()
								.map((c) -> new Document("node",
										new Document("code", cadres.get(c).getString("code")).append("name",
												cadres.get(c).getString("name"))))
								.toList()))
			.append("vacancies",
					new Document("totalCount", vacancies.size()).append("edges",
							vacancies.stream()
								.limit(10)
								.map((o) -> new Document("node",
										new Document("code", o.getString("code")).append("name", o.getString("name"))))
								.toList())))
			.append("blindSpots",
					new Document("vacancies", spotVacancies.stream()
						.map((o) -> new Document("code", o.getString("code")).append("name", o.getString("name")))
						.toList())
						.append("principalsWithoutSupervisor",
								unsupervisedSorted.stream()
									.map((c) -> new Document("name", cadres.get(c).getString("name")))
									.toList()));
	}

	private static boolean existsOn(Document organization, LocalDate day) {
		LocalDate dissolved = day(organization, "dissolvedOn");
		return dissolved == null || !day.isAfter(dissolved);
	}

	private static Post deeper(Post a, Post b) {
		if (a.depth() != b.depth()) {
			return (a.depth() > b.depth()) ? a : b;
		}
		return a.start().isAfter(b.start()) ? b : a;
	}

	private static boolean hasPrincipalAbove(Post post, Map<String, List<Post>> principalsByOrg) {
		List<String> path = post.orgPath();
		for (int i = path.size() - 2; i >= 0; i--) {
			for (Post principal : principalsByOrg.getOrDefault(path.get(i), List.of())) {
				if (!principal.cadreId().equals(post.cadreId())) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean byAncestorPrincipal(Document talk, List<Post> subjectPosts,
			Map<String, List<Post>> principalsByOrg) {
		LocalDate date = day(talk, "date");
		List<String> by = talk.getList("conductedByIds", String.class, List.of());
		String subject = talk.getString("subjectId");
		for (Post post : subjectPosts) {
			if (!post.activeOn(date)) {
				continue;
			}
			for (String ancestor : post.orgPath().subList(0, post.orgPath().size() - 1)) {
				for (Post principal : principalsByOrg.getOrDefault(ancestor, List.of())) {
					if (principal.activeOn(date) && by.contains(principal.cadreId())
							&& !principal.cadreId().equals(subject)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	// ---- helpers -------------------------------------------------------------------

	private List<Document> find(String collection, Bson filter, Bson projection) {
		this.commands.incrementAndGet();
		var cursor = this.db.getCollection(collection).find(filter);
		if (projection != null) {
			cursor = cursor.projection(projection);
		}
		return cursor.into(new ArrayList<>());
	}

	private List<Document> aggregate(String collection, List<Document> pipeline) {
		this.commands.incrementAndGet();
		return this.db.getCollection(collection).aggregate(pipeline).into(new ArrayList<>());
	}

	private Map<String, Document> byId(String collection, Collection<String> ids, Bson projection) {
		Map<String, Document> result = new HashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		for (Document d : find(collection, Filters.in("_id", oids(ids)), projection)) {
			result.put(id(d), d);
		}
		return result;
	}

	private Map<String, String> names(Collection<String> cadreIds) {
		Map<String, String> names = new HashMap<>();
		byId("cadres", cadreIds.stream().filter(Objects::nonNull).toList(), Projections.include("name"))
			.forEach((id, d) -> names.put(id, d.getString("name")));
		return names;
	}

	private static Document named(Map<String, String> names, String cadreId) {
		return (cadreId != null && names.containsKey(cadreId)) ? new Document("name", names.get(cadreId)) : null;
	}

	static Bson heldOn(LocalDate day) {
		return Filters.and(Filters.lte("start", day), Filters.or(Filters.eq("end", null), Filters.gte("end", day)));
	}

	static List<ObjectId> oids(Collection<String> ids) {
		return ids.stream().filter(ObjectId::isValid).map(ObjectId::new).toList();
	}

	static String id(Document d) {
		Object id = d.get("_id");
		return (id instanceof ObjectId oid) ? oid.toHexString() : String.valueOf(id);
	}

	static LocalDate day(Document d, String field) {
		Object value = d.get(field);
		return (value instanceof Date date) ? LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC) : null;
	}

	static Date date(LocalDate day) {
		return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	private static int number(Document d, String field) {
		return ((Number) d.get(field)).intValue();
	}

	static MongoCollection<Document> collection(MongoDatabase db, String name) {
		return db.getCollection(name);
	}

	static boolean open(String status) {
		return RectificationStatus.ASSIGNED.name().equals(status)
				|| RectificationStatus.IN_PROGRESS.name().equals(status);
	}

}
