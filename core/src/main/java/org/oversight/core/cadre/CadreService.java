package org.oversight.core.cadre;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.types.ObjectId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import org.oversight.core.common.Actor;
import org.oversight.core.common.Check;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.Stamp;
import org.oversight.core.common.Today;
import org.oversight.core.lookup.LookupLists;
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

	private final Cadres cadres;

	private final Appointments appointments;

	private final OrganizationService organizations;

	private final MongoTemplate mongo;

	private final Today today;

	private final LookupLists lookups;

	CadreService(LookupLists lookups, Cadres cadres, Appointments appointments, OrganizationService organizations,
			MongoTemplate mongo, Today today) {
		this.lookups = lookups;
		this.cadres = cadres;
		this.appointments = appointments;
		this.organizations = organizations;
		this.mongo = mongo;
		this.today = today;
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
		for (Appointment held : this.appointments.findByCadreId(cadre.id())) {
			if (held.organizationId().equals(organization.id()) && held.role() == role && held.start().equals(start)
					&& java.util.Objects.equals(held.end(), command.end()) && held.title().equals(title)) {
				// the same command again (a retry after a failure midway): complete it
				widenScope(cadre.id(), organization);
				return held;
			}
			if (held.organizationId().equals(organization.id()) && held.overlaps(start, command.end())) {
				throw DomainException
					.conflict("Cadre " + cadre.code() + " already holds a post in " + organization.code() + " from "
							+ held.start() + (held.end() != null ? " to " + held.end() : ""));
			}
		}
		String appointmentId = new ObjectId().toHexString();
		if (role == TeamRole.PRINCIPAL) {
			appointmentId = claimSeat(organization, cadre.id(), appointmentId, start, command.end());
		}
		Appointment appointment = new Appointment(appointmentId, cadre.id(), organization.id(), organization.path(),
				role, title, start, command.end(), Stamp.created(this.today.now(), Actor.current()));
		this.lookups.add(LookupLists.ORGANIZATION_POSTS, organization.id(), appointmentId);
		this.lookups.add(LookupLists.CADRE_POSTS, cadre.id(), appointmentId);
		this.appointments.save(appointment);
		widenScope(cadre.id(), organization);
		return appointment;
	}

	private void widenScope(String cadreId, Organization organization) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(cadreId)),
				new Update().addToSet("orgScope").each(organization.path().toArray()), Cadre.class);
	}

	private String claimSeat(Organization organization, String cadreId, String appointmentId, LocalDate start,
			LocalDate end) {
		for (int attempt = 0; attempt < MAX_SEAT_ATTEMPTS; attempt++) {
			PrincipalSeat seat = seat(organization.id());
			String reuse = null;
			PrincipalSeat.Term stale = null;
			for (PrincipalSeat.Term term : seat.terms) {
				if (!term.overlaps(start, end)) {
					continue;
				}
				boolean stored = this.appointments.existsById(term.appointmentId());
				if (!stored && term.cadreId().equals(cadreId) && term.start().equals(start)
						&& java.util.Objects.equals(term.end(), end)) {
					reuse = term.appointmentId();
				}
				else if (!stored && term.claimedAt().isBefore(this.today.now().minusSeconds(300))) {
					stale = term;
				}
				else {
					throw DomainException
						.conflict("Organization " + organization.code() + " already has a principal from "
								+ term.start() + (term.end() != null ? " to " + term.end() : "") + " (start, end)");
				}
			}
			if (stale != null) {
				this.mongo.updateFirst(
						Query.query(Criteria.where("_id").is(seat.organizationId).and("version").is(seat.version)),
						new Update()
							.pull("terms",
									Query.query(Criteria.where("appointmentId").is(stale.appointmentId()))
										.getQueryObject())
							.inc("version", 1),
						PrincipalSeat.class);
				continue;
			}
			if (reuse != null) {
				return reuse;
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

	/** Sets the last day in the post. For a principal the seat's term follows first. */
	public Appointment endAppointment(String id, LocalDate end) {
		Appointment appointment = getAppointment("id", id);
		Check.present("end", end);
		Check.notBefore("end", end, "start", appointment.start());
		if (appointment.isPrincipal()) {
			changeSeatTerm(appointment, end);
		}
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("end", end)
					.set("stamp.updatedAt", this.today.now())
					.set("stamp.updatedBy", Actor.current()),
				Appointment.class);
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
					if (term.overlaps(appointment.start(), end) && this.appointments.existsById(term.appointmentId())) {
						throw DomainException
							.conflict("The organization has another principal from " + term.start() + " (end)");
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
	public boolean holdsPrincipal(String cadreId, String organizationId, LocalDate day) {
		return this.appointments.findByCadreId(cadreId)
			.stream()
			.anyMatch((a) -> a.isPrincipal() && a.organizationId().equals(organizationId) && a.activeOn(day));
	}

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
