package org.oversight.core.cadre;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import org.oversight.core.common.Keyset;
import org.oversight.core.common.Memo;
import org.oversight.core.lookup.LookupLists;
import org.oversight.core.lookup.LookupSource;
import org.oversight.core.mongo.InQueries;
import org.oversight.core.organization.OrganizationQueries;

/**
 * Appointments held on a given day, read with one query per call whatever the number of
 * cadres or organizations asked about.
 */
@Component
public class ActivePosts {

	/** Every post of a cadre, whenever held, by cadre id. */
	private static final Memo.Slot<List<Appointment>> POSTS_OF_CADRE = new Memo.Slot<>("posts of a cadre");

	/** Every post in an organization, whenever held, by organization id. */
	private static final Memo.Slot<List<Appointment>> POSTS_IN_ORGANIZATION = new Memo.Slot<>(
			"posts in an organization");

	/** The terms of an organization's principal seat, by organization id. */
	private static final Memo.Slot<List<Term>> SEAT_TERMS = new Memo.Slot<>("terms of a principal seat");

	/** A seat's term as readers use it: which appointment, on which days. */
	private record Term(String appointmentId, LocalDate start, @Nullable LocalDate end) {
	}

	/** An appointment, by id. */
	private static final Memo.Slot<Appointment> APPOINTMENT = new Memo.Slot<>("appointment");

	private final MongoTemplate mongo;

	private final LookupLists lookups;

	private final OrganizationQueries organizations;

	ActivePosts(MongoTemplate mongo, LookupLists lookups, OrganizationQueries organizations) {
		this.lookups = lookups;
		this.organizations = organizations;
		this.mongo = mongo;
	}

	/** Whether the post is held on the day (start and end included). */
	public static boolean held(Appointment post, LocalDate day) {
		return !post.start().isAfter(day) && (post.end() == null || !post.end().isBefore(day));
	}

	/**
	 * The posts held on the day whose {@code key} is one of {@code keys}, through a
	 * lookup list (two reads by id), or empty when the list is not built yet.
	 */
	private Optional<List<Appointment>> listed(LookupSource list, Collection<String> keys,
			Function<Appointment, String> key, LocalDate day) {
		return this.lookups.union(list, keys).map((ids) -> {
			if (ids.isEmpty()) {
				return List.of();
			}
			Set<String> wanted = Set.copyOf(keys);
			return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Appointment.class)
				.stream()
				.filter((post) -> wanted.contains(key.apply(post)) && held(post, day))
				.toList();
		});
	}

	/** Criteria matching appointments held on the day (start and end included). */
	public static Criteria heldOn(LocalDate day) {
		return new Criteria().andOperator(Criteria.where("start").lte(day),
				new Criteria().orOperator(Criteria.where("end").is(null), Criteria.where("end").gte(day)));
	}

	public List<Appointment> ofCadres(Collection<String> cadreIds, LocalDate day) {
		if (cadreIds.isEmpty()) {
			return List.of();
		}
		return listed(LookupLists.CADRE_POSTS, cadreIds, Appointment::cadreId, day).orElseGet(() -> this.mongo.find(
				Query.query(new Criteria().andOperator(Criteria.where("cadreId").in(cadreIds), heldOn(day))),
				Appointment.class));
	}

	public List<Appointment> inOrganizations(Collection<String> organizationIds, LocalDate day) {
		if (organizationIds.isEmpty()) {
			return List.of();
		}
		return listed(LookupLists.ORGANIZATION_POSTS, organizationIds, Appointment::organizationId,
				day)
			.orElseGet(() -> this.mongo.find(Query
				.query(new Criteria().andOperator(Criteria.where("organizationId").in(organizationIds), heldOn(day))),
					Appointment.class));
	}

	/**
	 * {@link #ofCadres(Collection, LocalDate)} through the request's memo: each cadre's
	 * posts (whenever held) are read once per request, whatever the day asked.
	 */
	public List<Appointment> ofCadres(Collection<String> cadreIds, LocalDate day, Memo memo) {
		return held(allOfCadres(cadreIds, memo), day);
	}

	/** {@link #allOfCadres(Collection)} through the request's memo, by cadre. */
	public Map<String, List<Appointment>> allOfCadres(Collection<String> cadreIds, Memo memo) {
		return memo.get(POSTS_OF_CADRE, cadreIds,
				(missing) -> byKey(allOfCadres(missing), missing, Appointment::cadreId));
	}

	/**
	 * {@link #inOrganizations(Collection, LocalDate)} through the request's memo: each
	 * organization's posts (whenever held) are read once per request.
	 */
	public List<Appointment> inOrganizations(Collection<String> organizationIds, LocalDate day, Memo memo) {
		return held(memo.get(POSTS_IN_ORGANIZATION, organizationIds,
				(missing) -> byKey(allInOrganizations(missing), missing, Appointment::organizationId)), day);
	}

	/**
	 * Every post in the organizations, whenever held: through the lookup list if built.
	 */
	private List<Appointment> allInOrganizations(Collection<String> organizationIds) {
		Optional<List<String>> listed = this.lookups.union(LookupLists.ORGANIZATION_POSTS, organizationIds);
		if (listed.isEmpty()) {
			return this.mongo.find(Query.query(Criteria.where("organizationId").in(organizationIds)),
					Appointment.class);
		}
		if (listed.get().isEmpty()) {
			return List.of();
		}
		Set<String> wanted = Set.copyOf(organizationIds);
		return this.mongo.find(Query.query(Criteria.where("_id").in(listed.get())), Appointment.class)
			.stream()
			.filter((post) -> wanted.contains(post.organizationId()))
			.toList();
	}

	/** The posts of each key, in the order read; an empty list for a key with none. */
	private static Map<String, List<Appointment>> byKey(List<Appointment> posts, Collection<String> keys,
			Function<Appointment, String> key) {
		Map<String, List<Appointment>> result = new LinkedHashMap<>();
		keys.forEach((k) -> result.put(k, new ArrayList<>()));
		posts.forEach((post) -> result.get(key.apply(post)).add(post));
		// kept in the memo and handed to every later reader: read-only
		result.replaceAll((k, list) -> List.copyOf(list));
		return result;
	}

	private static List<Appointment> held(Map<String, List<Appointment>> byKey, LocalDate day) {
		return byKey.values().stream().flatMap(List::stream).filter((post) -> held(post, day)).toList();
	}

	/**
	 * The principals of the organizations on the day. Read through the organizations'
	 * {@link PrincipalSeat}s, which list every PRINCIPAL appointment of their
	 * organization (a term is claimed before its appointment is stored): two reads by id,
	 * which every MongoDB serves from the {@code _id} index, instead of a query on the
	 * appointments. The appointments decide; a term whose appointment was never stored
	 * finds nothing.
	 */
	public List<Appointment> principalsIn(Collection<String> organizationIds, LocalDate day) {
		return principalsOverlapping(organizationIds, day, day);
	}

	/**
	 * {@link #principalsIn(Collection, LocalDate)} through the request's memo: each
	 * organization's seat, and each appointment, is read once per request, whatever the
	 * days asked.
	 */
	public List<Appointment> principalsIn(Collection<String> organizationIds, LocalDate day, Memo memo) {
		return principalsOverlapping(organizationIds, day, day, memo);
	}

	/**
	 * {@link #principalsInSubtrees(Collection, LocalDate)} through the request's memo.
	 */
	public List<Appointment> principalsInSubtrees(Collection<String> rootIds, LocalDate day, Memo memo) {
		if (rootIds.isEmpty()) {
			return List.of();
		}
		Optional<Set<String>> subtree = this.organizations.subtreeIds(rootIds, memo);
		if (subtree.isEmpty()) {
			return principalsInSubtrees(rootIds, day);
		}
		return principalsIn(subtree.get(), day, memo).stream()
			.filter((post) -> post.orgPath().stream().anyMatch(rootIds::contains))
			.toList();
	}

	/**
	 * {@link #principalsOverlapping(Collection, LocalDate, LocalDate)} through the
	 * request's memo.
	 */
	public List<Appointment> principalsOverlapping(Collection<String> organizationIds, LocalDate from, LocalDate to,
			Memo memo) {
		if (organizationIds.isEmpty()) {
			return List.of();
		}
		Map<String, List<Term>> seats = memo.get(SEAT_TERMS, organizationIds, this::seatTerms);
		Set<String> appointmentIds = termsOverlapping(seats.values(), from, to);
		Collection<Appointment> posts = memo
			.get(APPOINTMENT, appointmentIds, (missing) -> byId(readAppointments(missing)))
			.values();
		return principals(posts, organizationIds, from, to);
	}

	/**
	 * The PRINCIPAL posts of the organizations held on any day of
	 * {@code from}..{@code to} (both included), through their seats. A seat's term always
	 * covers the days of its appointment ({@link CadreService#endAppointment}), so only
	 * the appointments of the terms overlapping those days are read, not every principal
	 * the organizations ever had; the appointments decide.
	 */
	private List<Appointment> principalPosts(Collection<String> organizationIds, LocalDate from, LocalDate to) {
		Set<String> appointmentIds = termsOverlapping(seatTerms(organizationIds).values(), from, to);
		return principals(readAppointments(appointmentIds), organizationIds, from, to);
	}

	/**
	 * The seats' terms, read as plain documents with only the fields readers use: mapping
	 * seats as entities was a tenth of a cadre's supervision at M.
	 */
	private Map<String, List<Term>> seatTerms(Collection<String> organizationIds) {
		Query query = Query.query(Criteria.where("_id").in(InQueries.storedIds(organizationIds)));
		query.fields().include("terms.appointmentId", "terms.start", "terms.end");
		Map<String, List<Term>> terms = new LinkedHashMap<>();
		for (org.bson.Document seat : this.mongo.find(query, org.bson.Document.class, "principal_seats")) {
			List<Term> list = new ArrayList<>();
			for (org.bson.Document term : seat.getList("terms", org.bson.Document.class, List.of())) {
				list.add(new Term(term.getString("appointmentId"), Keyset.day(term.get("start")),
						Keyset.day(term.get("end"))));
			}
			terms.put(String.valueOf(seat.get("_id")), List.copyOf(list));
		}
		return terms;
	}

	private static Set<String> termsOverlapping(Collection<List<Term>> seats, LocalDate from, LocalDate to) {
		Set<String> appointmentIds = new LinkedHashSet<>();
		for (List<Term> terms : seats) {
			for (Term term : terms) {
				if (DateRanges.overlap(term.start(), term.end(), from, to)) {
					appointmentIds.add(term.appointmentId());
				}
			}
		}
		return appointmentIds;
	}

	private List<Appointment> readAppointments(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Appointment.class);
	}

	private static Map<String, Appointment> byId(List<Appointment> posts) {
		Map<String, Appointment> result = new LinkedHashMap<>();
		posts.forEach((post) -> result.put(post.id(), post));
		return result;
	}

	private static List<Appointment> principals(Collection<Appointment> posts, Collection<String> organizationIds,
			LocalDate from, LocalDate to) {
		Set<String> wanted = Set.copyOf(organizationIds);
		return posts.stream()
			.filter((post) -> post.role() == TeamRole.PRINCIPAL && wanted.contains(post.organizationId())
					&& post.overlaps(from, to))
			.toList();
	}

	/** Principals of every organization in the subtree of {@code organizationId}. */
	public List<Appointment> principalsInSubtree(String organizationId, LocalDate day) {
		return principalsInSubtrees(List.of(organizationId), day);
	}

	/**
	 * Principals of every organization at or below the roots: the subtrees walked through
	 * the children's lookup lists, then the principals read through the seats; the posts'
	 * own paths decide what lies below.
	 */
	public List<Appointment> principalsInSubtrees(Collection<String> rootIds, LocalDate day) {
		if (rootIds.isEmpty()) {
			return List.of();
		}
		Optional<Set<String>> subtree = this.organizations.subtreeIds(rootIds);
		if (subtree.isEmpty()) {
			return this.mongo.find(Query.query(new Criteria().andOperator(Criteria.where("orgPath").in(rootIds),
					Criteria.where("role").is(TeamRole.PRINCIPAL), heldOn(day))), Appointment.class);
		}
		return principalsIn(subtree.get(), day).stream()
			.filter((post) -> post.orgPath().stream().anyMatch(rootIds::contains))
			.toList();
	}

	/**
	 * Principal posts of the organizations overlapping {@code from}..{@code to} (both
	 * included), through the seats.
	 */
	public List<Appointment> principalsOverlapping(Collection<String> organizationIds, LocalDate from, LocalDate to) {
		if (organizationIds.isEmpty()) {
			return List.of();
		}
		return principalPosts(organizationIds, from, to);
	}

	/** Every post of the cadres, whenever held. */
	public List<Appointment> allOfCadres(Collection<String> cadreIds) {
		if (cadreIds.isEmpty()) {
			return List.of();
		}
		Optional<List<String>> listed = this.lookups.union(LookupLists.CADRE_POSTS, cadreIds);
		if (listed.isEmpty()) {
			return this.mongo.find(Query.query(Criteria.where("cadreId").in(cadreIds)), Appointment.class);
		}
		if (listed.get().isEmpty()) {
			return List.of();
		}
		Set<String> wanted = Set.copyOf(cadreIds);
		return this.mongo.find(Query.query(Criteria.where("_id").in(listed.get())), Appointment.class)
			.stream()
			.filter((post) -> wanted.contains(post.cadreId()))
			.toList();
	}

	/** Every principal post held on the day, anywhere. */
	public List<Appointment> allPrincipals(LocalDate day) {
		return this.mongo.find(
				Query.query(new Criteria().andOperator(Criteria.where("role").is(TeamRole.PRINCIPAL), heldOn(day))),
				Appointment.class);
	}

	/** Every post held in the subtree of {@code organizationId}. */
	public List<Appointment> inSubtree(String organizationId, LocalDate day) {
		return this.mongo.find(
				Query.query(new Criteria().andOperator(Criteria.where("orgPath").is(organizationId), heldOn(day))),
				Appointment.class);
	}

	/**
	 * The post a cadre is placed by: the deepest PRINCIPAL post if any, otherwise the
	 * deepest post; the earliest start on a tie.
	 */
	public static java.util.Optional<Appointment> placement(Collection<Appointment> posts) {
		java.util.Comparator<Appointment> deepestFirst = java.util.Comparator.comparingInt(Appointment::depth)
			.reversed()
			.thenComparing(Appointment::start)
			.thenComparing(Appointment::id);
		var principal = posts.stream().filter(Appointment::isPrincipal).sorted(deepestFirst).findFirst();
		return principal.isPresent() ? principal : posts.stream().sorted(deepestFirst).findFirst();
	}

}
