package org.oversight.core.cadre;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import org.oversight.core.common.Actor;
import org.oversight.core.common.Batches;
import org.oversight.core.common.Check;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.Stamp;
import org.oversight.core.common.Today;
import org.oversight.core.lookup.LookupLists;
import org.oversight.core.mongo.InQueries;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationLifecycleListener;
import org.oversight.core.organization.OrganizationService;

/**
 * Registers cadres and appoints them to posts. The rule that two PRINCIPAL appointments
 * of one organization never overlap is guarded by the organization's
 * {@link PrincipalSeat}, claimed by a conditional write before the appointment is stored.
 */
@Service
public class CadreService implements OrganizationLifecycleListener {

	private static final int MAX_SEAT_ATTEMPTS = 20;

	private static final int BATCH = 50_000;

	private final Cadres cadres;

	private final Appointments appointments;

	private final OrganizationService organizations;

	private final MongoTemplate mongo;

	private final Today today;

	private final LookupLists lookups;

	private final InQueries inQueries;

	CadreService(LookupLists lookups, Cadres cadres, Appointments appointments, OrganizationService organizations,
			MongoTemplate mongo, Today today, InQueries inQueries) {
		this.lookups = lookups;
		this.cadres = cadres;
		this.appointments = appointments;
		this.organizations = organizations;
		this.mongo = mongo;
		this.today = today;
		this.inQueries = inQueries;
	}

	public record RegisterCadre(String code, String name, Integer birthYear) {
	}

	public record Appoint(String cadreId, String organizationId, TeamRole role, String title, LocalDate start,
			LocalDate end) {
	}

	public Cadre register(RegisterCadre command) {
		String code = Check.code("code", command.code());
		String name = Check.text("name", command.name(), 100);
		if (command.birthYear() != null) {
			int year = command.birthYear();
			if (year < 1900 || year > Year.now(this.today.clock()).getValue()) {
				throw DomainException.invalid("birthYear", "must be between 1900 and this year");
			}
		}
		if (this.cadres.existsByCode(code)) {
			throw DomainException.conflict("A cadre with code " + code + " already exists");
		}
		Cadre cadre = new Cadre(new ObjectId().toHexString(), code, name, command.birthYear(),
				Stamp.created(this.today.now(), Actor.current()));
		try {
			return this.cadres.insert(cadre);
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("A cadre with code " + code + " already exists");
		}
	}

	public Cadre get(String field, String id) {
		if (id == null || !ObjectId.isValid(id)) {
			throw DomainException.notFound(field, "Cadre", id);
		}
		return this.cadres.findById(id).orElseThrow(() -> DomainException.notFound(field, "Cadre", id));
	}

	public List<Cadre> getAll(String field, Collection<String> ids) {
		Set<String> distinct = new HashSet<>(ids);
		for (String id : distinct) {
			if (id == null || !ObjectId.isValid(id)) {
				throw DomainException.notFound(field, "Cadre", id);
			}
		}
		List<Cadre> found = this.cadres.findByIdIn(distinct);
		if (found.size() != distinct.size()) {
			Set<String> missing = new HashSet<>(distinct);
			found.forEach((cadre) -> missing.remove(cadre.id()));
			throw DomainException.notFound(field, "Cadre", missing.iterator().next());
		}
		return found;
	}

	/**
	 * Appoints a cadre. Validates everything first; for a PRINCIPAL claims the seat, then
	 * stores the appointment under the id claimed, then widens the cadre's scope. A retry
	 * of the same command after a crash between those writes reuses the claimed term.
	 */
	public Appointment appoint(Appoint command) {
		Cadre cadre = get("cadreId", command.cadreId());
		Organization organization = this.organizations.get("organizationId", command.organizationId());
		Appointment same = check(command, cadre, organization, this.appointments.findByCadreId(cadre.id()));
		if (same != null) {
			// the same command again (a retry after a failure midway): complete it
			widenScope(cadre.id(), organization);
			return same;
		}
		String appointmentId = new ObjectId().toHexString();
		if (command.role() == TeamRole.PRINCIPAL) {
			appointmentId = claimSeat(organization, cadre.id(), appointmentId, command.start(), command.end());
		}
		Appointment appointment = appointment(appointmentId, command, cadre, organization);
		this.lookups.add(LookupLists.ORGANIZATION_POSTS, organization.id(), appointmentId);
		this.lookups.add(LookupLists.CADRE_POSTS, cadre.id(), appointmentId);
		this.appointments.save(appointment);
		widenScope(cadre.id(), organization);
		return appointment;
	}

	private Appointment appointment(String id, Appoint command, Cadre cadre, Organization organization) {
		return new Appointment(id, cadre.id(), organization.id(), organization.path(), command.role(),
				Check.text("title", command.title(), 100), command.start(), command.end(),
				Stamp.created(this.today.now(), Actor.current()));
	}

	/**
	 * Checks an appointment against the rules and the cadre's posts: the stored one when
	 * the command is the same again (a retry), null when it is new.
	 */
	private static Appointment check(Appoint command, Cadre cadre, Organization organization, List<Appointment> held) {
		TeamRole role = Check.present("role", command.role());
		String title = Check.text("title", command.title(), 100);
		LocalDate start = Check.present("start", command.start());
		Check.notBefore("end", command.end(), "start", start);
		if (organization.dissolvedOn() != null) {
			if (start.isAfter(organization.dissolvedOn())) {
				throw DomainException.invalid("start",
						"is after the organization was dissolved (" + organization.dissolvedOn() + ")");
			}
			if (command.end() == null || command.end().isAfter(organization.dissolvedOn())) {
				throw DomainException.invalid("end", "must be given and not after the organization was dissolved ("
						+ organization.dissolvedOn() + ")");
			}
		}
		for (Appointment post : held) {
			if (post.organizationId().equals(organization.id()) && post.role() == role && post.start().equals(start)
					&& java.util.Objects.equals(post.end(), command.end()) && post.title().equals(title)) {
				return post;
			}
			if (post.organizationId().equals(organization.id()) && post.overlaps(start, command.end())) {
				throw DomainException
					.conflict("Cadre " + cadre.code() + " already holds a post in " + organization.code() + " from "
							+ post.start() + (post.end() != null ? " to " + post.end() : ""));
			}
		}
		return null;
	}

	/** What {@link #appointAll} did with one command: the appointment, or why not. */
	public record Appointed(Appoint command, @Nullable Appointment appointment, @Nullable DomainException refused) {
	}

	/**
	 * Appoints many, each exactly as {@link #appoint} would (the same checks, the same
	 * principal seat, the same completion of a retried command), in order: a command sees
	 * the posts of those before it. For bulk imports, where {@code appoint} costs a read
	 * of the cadre's posts per command: here up to 50,000 commands share one read of
	 * their cadres, organizations, posts and seats; the principals' terms are claimed
	 * with one conditional write per stored seat (and one insert of the new seats), the
	 * appointments stored with one insert and the scopes widened with one bulk update. A
	 * command whose write meets a concurrent change is done again alone by
	 * {@code appoint}.
	 */
	public List<Appointed> appointAll(List<Appoint> commands) {
		return Batches.of(commands, BATCH, this::appointBatch);
	}

	private List<Appointed> appointBatch(List<Appoint> commands) {
		Set<String> cadreIds = new HashSet<>();
		Set<String> organizationIds = new HashSet<>();
		Set<String> principalOrganizationIds = new HashSet<>();
		for (Appoint command : commands) {
			if (command.cadreId() != null && ObjectId.isValid(command.cadreId())) {
				cadreIds.add(command.cadreId());
			}
			if (command.organizationId() != null && ObjectId.isValid(command.organizationId())) {
				organizationIds.add(command.organizationId());
				if (command.role() == TeamRole.PRINCIPAL) {
					principalOrganizationIds.add(command.organizationId());
				}
			}
		}
		Map<String, Cadre> cadres = new HashMap<>();
		this.inQueries.byIds(Cadre.class, cadreIds).forEach((c) -> cadres.put(c.id(), c));
		Map<String, Organization> organizations = new HashMap<>();
		this.inQueries.byIds(Organization.class, organizationIds).forEach((o) -> organizations.put(o.id(), o));
		Map<String, List<Appointment>> held = new HashMap<>();
		this.inQueries.find(Appointment.class, null, "cadreId", cadreIds, Appointment::cadreId)
			.forEach((a) -> held.computeIfAbsent(a.cadreId(), (k) -> new ArrayList<>()).add(a));
		Map<String, PrincipalSeat> seats = new HashMap<>();
		Set<String> termIds = new HashSet<>();
		this.inQueries.byIds(PrincipalSeat.class, principalOrganizationIds).forEach((seat) -> {
			seats.put(seat.organizationId, seat);
			seat.terms.forEach((term) -> termIds.add(term.appointmentId()));
		});
		Map<String, Appointment> storedTerms = new HashMap<>();
		this.inQueries.byIds(Appointment.class, termIds).forEach((a) -> storedTerms.put(a.id(), a));
		Map<String, List<PrincipalSeat.Term>> terms = new LinkedHashMap<>();

		Appointment[] planned = new Appointment[commands.size()];
		boolean[] stored = new boolean[commands.size()];
		DomainException[] refused = new DomainException[commands.size()];
		for (int i = 0; i < commands.size(); i++) {
			Appoint command = commands.get(i);
			try {
				Cadre cadre = cadres.get(command.cadreId());
				if (cadre == null) {
					throw DomainException.notFound("cadreId", "Cadre", command.cadreId());
				}
				Organization organization = organizations.get(command.organizationId());
				if (organization == null) {
					throw DomainException.notFound("organizationId", "Organization", command.organizationId());
				}
				List<Appointment> posts = held.computeIfAbsent(cadre.id(), (k) -> new ArrayList<>());
				Appointment same = check(command, cadre, organization, posts);
				if (same != null) {
					planned[i] = same;
					stored[i] = true;
					continue;
				}
				String id = new ObjectId().toHexString();
				if (command.role() == TeamRole.PRINCIPAL) {
					List<PrincipalSeat.Term> seat = terms.computeIfAbsent(organization.id(),
							(k) -> new ArrayList<>(seats.containsKey(k) ? seats.get(k).terms : List.of()));
					Fit fit = fit(organization, seat, cadre.id(), command.start(), command.end(), storedTerms::get);
					List<PrincipalSeat.Term> mended = fit.mended(seat);
					seat.clear();
					seat.addAll(mended);
					if (fit.reuse() != null) {
						id = fit.reuse();
					}
					else {
						seat.add(new PrincipalSeat.Term(id, cadre.id(), command.start(), command.end(),
								this.today.now()));
					}
				}
				planned[i] = appointment(id, command, cadre, organization);
				posts.add(planned[i]);
			}
			catch (DomainException ex) {
				refused[i] = ex;
			}
		}

		Set<String> lostSeats = writeSeats(seats, terms);
		List<Appointment> inserts = new ArrayList<>();
		Set<Integer> alone = new HashSet<>();
		for (int i = 0; i < commands.size(); i++) {
			if (planned[i] == null) {
				continue;
			}
			if (lostSeats.contains(planned[i].organizationId()) && commands.get(i).role() == TeamRole.PRINCIPAL) {
				alone.add(i);
			}
			else if (!stored[i]) {
				inserts.add(planned[i]);
			}
		}
		// listed before they are stored, as appoint does: an id too many, never one too
		// few
		Map<String, List<String>> byOrganization = new LinkedHashMap<>();
		Map<String, List<String>> byCadre = new LinkedHashMap<>();
		for (Appointment post : inserts) {
			byOrganization.computeIfAbsent(post.organizationId(), (k) -> new ArrayList<>()).add(post.id());
			byCadre.computeIfAbsent(post.cadreId(), (k) -> new ArrayList<>()).add(post.id());
		}
		this.lookups.addAll(LookupLists.ORGANIZATION_POSTS, byOrganization);
		this.lookups.addAll(LookupLists.CADRE_POSTS, byCadre);
		try {
			this.mongo.insert(inserts, Appointment.class);
		}
		catch (DuplicateKeyException ex) {
			// a concurrent retry stored one of them meanwhile: every command alone
			for (int i = 0; i < commands.size(); i++) {
				if (planned[i] != null && !stored[i]) {
					alone.add(i);
				}
			}
		}
		Map<String, Set<String>> scopes = new LinkedHashMap<>();
		for (int i = 0; i < commands.size(); i++) {
			if (planned[i] != null && !alone.contains(i)) {
				scopes.computeIfAbsent(planned[i].cadreId(), (k) -> new LinkedHashSet<>()).addAll(planned[i].orgPath());
			}
		}
		if (!scopes.isEmpty()) {
			BulkOperations widen = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Cadre.class);
			scopes.forEach((cadreId, path) -> widen.updateOne(Query.query(Criteria.where("_id").is(cadreId)),
					new Update().addToSet("orgScope").each(path.toArray())));
			widen.execute();
		}
		List<Appointed> results = new ArrayList<>();
		for (int i = 0; i < commands.size(); i++) {
			Appoint command = commands.get(i);
			if (alone.contains(i)) {
				try {
					results.add(new Appointed(command, appoint(command), null));
				}
				catch (DomainException ex) {
					results.add(new Appointed(command, null, ex));
				}
			}
			else {
				results.add(new Appointed(command, planned[i], refused[i]));
			}
		}
		return results;
	}

	/**
	 * Writes the seats whose terms changed: a new seat inserted (all in one unordered
	 * insert), a stored one by a conditional write on its version. Returns the
	 * organizations whose seat changed meanwhile (their commands are done again alone).
	 */
	private Set<String> writeSeats(Map<String, PrincipalSeat> seats, Map<String, List<PrincipalSeat.Term>> terms) {
		Set<String> lost = new HashSet<>();
		List<PrincipalSeat> created = new ArrayList<>();
		terms.forEach((organizationId, list) -> {
			PrincipalSeat seat = seats.get(organizationId);
			if (seat == null) {
				PrincipalSeat fresh = new PrincipalSeat();
				fresh.organizationId = organizationId;
				fresh.terms = List.copyOf(list);
				fresh.version = 1;
				created.add(fresh);
			}
			else if (!list.equals(seat.terms)) {
				var result = this.mongo.updateFirst(
						Query.query(Criteria.where("_id").is(organizationId).and("version").is(seat.version)),
						new Update().set("terms", list).inc("version", 1), PrincipalSeat.class);
				if (result.getModifiedCount() != 1) {
					lost.add(organizationId);
				}
			}
		});
		if (!created.isEmpty()) {
			try {
				this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PrincipalSeat.class).insert(created).execute();
			}
			catch (BulkOperationException ex) {
				ex.getErrors().forEach((error) -> lost.add(created.get(error.getIndex()).organizationId));
			}
		}
		return lost;
	}

	/**
	 * How a new term fits a seat's terms: the claimed term of the same cadre and days
	 * whose appointment was never stored (to reuse), the stale claims (never stored,
	 * older than five minutes: a crash left them), and the terms wider than their stored
	 * appointment (an end moved earlier whose seat write was cut short), to narrow to the
	 * appointment's days. Another principal's appointment overlapping it is a conflict.
	 */
	private record Fit(String reuse, List<PrincipalSeat.Term> stale,
			Map<PrincipalSeat.Term, PrincipalSeat.Term> narrowed) {

		/** The terms with the stale ones dropped and the wide ones narrowed. */
		List<PrincipalSeat.Term> mended(List<PrincipalSeat.Term> terms) {
			List<PrincipalSeat.Term> result = new ArrayList<>();
			for (PrincipalSeat.Term term : terms) {
				if (!this.stale.contains(term)) {
					result.add(this.narrowed.getOrDefault(term, term));
				}
			}
			return result;
		}

		boolean mends() {
			return !this.stale.isEmpty() || !this.narrowed.isEmpty();
		}

	}

	private Fit fit(Organization organization, List<PrincipalSeat.Term> terms, String cadreId, LocalDate start,
			LocalDate end, Function<String, @Nullable Appointment> stored) {
		String reuse = null;
		List<PrincipalSeat.Term> stale = new ArrayList<>();
		Map<PrincipalSeat.Term, PrincipalSeat.Term> narrowed = new LinkedHashMap<>();
		for (PrincipalSeat.Term term : terms) {
			if (!term.overlaps(start, end)) {
				continue;
			}
			Appointment appointment = stored.apply(term.appointmentId());
			if (appointment == null && term.cadreId().equals(cadreId) && term.start().equals(start)
					&& java.util.Objects.equals(term.end(), end)) {
				reuse = term.appointmentId();
			}
			else if (appointment == null && term.claimedAt().isBefore(this.today.now().minusSeconds(300))) {
				stale.add(term);
			}
			else if (appointment != null && !appointment.overlaps(start, end)) {
				narrowed.put(term, new PrincipalSeat.Term(term.appointmentId(), term.cadreId(), appointment.start(),
						appointment.end(), term.claimedAt()));
			}
			else {
				LocalDate from = (appointment != null) ? appointment.start() : term.start();
				LocalDate to = (appointment != null) ? appointment.end() : term.end();
				throw DomainException.conflict("Organization " + organization.code() + " already has a principal from "
						+ from + (to != null ? " to " + to : "") + " (start, end)");
			}
		}
		return new Fit(reuse, stale, narrowed);
	}

	private void widenScope(String cadreId, Organization organization) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(cadreId)),
				new Update().addToSet("orgScope").each(organization.path().toArray()), Cadre.class);
	}

	private String claimSeat(Organization organization, String cadreId, String appointmentId, LocalDate start,
			LocalDate end) {
		for (int attempt = 0; attempt < MAX_SEAT_ATTEMPTS; attempt++) {
			PrincipalSeat seat = seat(organization.id());
			Fit fit = fit(organization, seat.terms, cadreId, start, end,
					(id) -> this.appointments.findById(id).orElse(null));
			if (fit.mends()) {
				this.mongo.updateFirst(
						Query.query(Criteria.where("_id").is(seat.organizationId).and("version").is(seat.version)),
						new Update().set("terms", fit.mended(seat.terms)).inc("version", 1), PrincipalSeat.class);
				continue;
			}
			if (fit.reuse() != null) {
				return fit.reuse();
			}
			var term = new PrincipalSeat.Term(appointmentId, cadreId, start, end, this.today.now());
			var result = this.mongo.updateFirst(
					Query.query(Criteria.where("_id").is(seat.organizationId).and("version").is(seat.version)),
					new Update().push("terms", term).inc("version", 1), PrincipalSeat.class);
			if (result.getModifiedCount() == 1) {
				return appointmentId;
			}
		}
		throw DomainException.conflict(
				"Too many concurrent appointments to the principal post of " + organization.code() + "; try again");
	}

	private PrincipalSeat seat(String organizationId) {
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(organizationId)),
				new Update().setOnInsert("terms", List.of()).setOnInsert("version", 0L),
				FindAndModifyOptions.options().upsert(true).returnNew(true), PrincipalSeat.class);
	}

	/**
	 * Sets the last day in the post. A principal's seat term always covers the days of
	 * its appointment, so that readers may pick the terms held on a day before reading
	 * the appointments ({@link ActivePosts}): a later end is written to the seat first,
	 * an earlier one to the appointment first. A crash between the two writes leaves the
	 * seat wider than the appointment, never narrower; the same command again completes
	 * it, and a claim meeting such a term narrows it ({@link #fit}).
	 */
	public Appointment endAppointment(String id, LocalDate end) {
		Appointment appointment = getAppointment("id", id);
		Check.present("end", end);
		Check.notBefore("end", end, "start", appointment.start());
		boolean earlier = appointment.end() == null || end.isBefore(appointment.end());
		if (appointment.isPrincipal() && !earlier) {
			changeSeatTerm(appointment, end);
		}
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("end", end)
					.set("stamp.updatedAt", this.today.now())
					.set("stamp.updatedBy", Actor.current()),
				Appointment.class);
		if (appointment.isPrincipal() && earlier) {
			changeSeatTerm(appointment, end);
		}
		return getAppointment("id", id);
	}

	private void changeSeatTerm(Appointment appointment, LocalDate end) {
		for (int attempt = 0; attempt < MAX_SEAT_ATTEMPTS; attempt++) {
			PrincipalSeat seat = seat(appointment.organizationId());
			List<PrincipalSeat.Term> terms = new ArrayList<>();
			boolean found = false;
			for (PrincipalSeat.Term term : seat.terms) {
				if (term.appointmentId().equals(appointment.id())) {
					found = true;
					terms.add(new PrincipalSeat.Term(term.appointmentId(), term.cadreId(), term.start(), end,
							term.claimedAt()));
				}
				else {
					if (term.overlaps(appointment.start(), end)) {
						// the other appointment decides: its term may be wider (see fit)
						Appointment other = this.appointments.findById(term.appointmentId()).orElse(null);
						if (other != null && other.overlaps(appointment.start(), end)) {
							throw DomainException
								.conflict("The organization has another principal from " + other.start() + " (end)");
						}
					}
					terms.add(term);
				}
			}
			if (!found) {
				terms.add(new PrincipalSeat.Term(appointment.id(), appointment.cadreId(), appointment.start(), end,
						this.today.now()));
			}
			var result = this.mongo.updateFirst(
					Query.query(Criteria.where("_id").is(seat.organizationId).and("version").is(seat.version)),
					new Update().set("terms", terms).inc("version", 1), PrincipalSeat.class);
			if (result.getModifiedCount() == 1) {
				return;
			}
		}
		throw DomainException.conflict("Too many concurrent changes to the principal post; try again");
	}

	public Appointment getAppointment(String field, String id) {
		if (id == null || !ObjectId.isValid(id)) {
			throw DomainException.notFound(field, "Appointment", id);
		}
		return this.appointments.findById(id).orElseThrow(() -> DomainException.notFound(field, "Appointment", id));
	}

	/** The cadre's appointments, current first then by start. */
	public List<Appointment> appointmentsOf(String cadreId, boolean includeEnded) {
		LocalDate day = this.today.date();
		return this.appointments.findByCadreId(cadreId)
			.stream()
			.filter((a) -> includeEnded || a.end() == null || !a.end().isBefore(day))
			.sorted(Comparator.comparing(Appointment::start))
			.toList();
	}

	/** Whether the cadre holds the PRINCIPAL role of the organization on the day. */
	public Optional<Cadre> findByCode(String code) {
		return this.cadres.findByCode(code);
	}

	@Override
	public void organizationMoved(String organizationId) {
		Set<String> affected = new HashSet<>();
		this.mongo.find(Query.query(Criteria.where("orgPath").is(organizationId)), Appointment.class)
			.forEach((a) -> affected.add(a.cadreId()));
		java.util.Map<String, Set<String>> scopes = new java.util.HashMap<>();
		for (Appointment appointment : this.appointments.findByCadreIdIn(affected)) {
			scopes.computeIfAbsent(appointment.cadreId(), (k) -> new HashSet<>()).addAll(appointment.orgPath());
		}
		scopes.forEach((cadreId, scope) -> this.mongo.updateFirst(Query.query(Criteria.where("_id").is(cadreId)),
				new Update().set("orgScope", scope), Cadre.class));
	}

	@Override
	public void organizationDissolving(Organization organization, LocalDate on) {
		List<Appointment> held = this.appointments.findByOrganizationId(organization.id());
		for (Appointment appointment : held) {
			if (appointment.start().isAfter(on)) {
				throw DomainException.invalid("on",
						"an appointment there starts after it (" + appointment.start() + ")");
			}
		}
		for (Appointment appointment : held) {
			if (appointment.end() == null || appointment.end().isAfter(on)) {
				endAppointment(appointment.id(), on);
			}
		}
	}

}
