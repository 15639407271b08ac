package org.oversight.core.cadre;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Appointments held on a given day, read with one query per call whatever the number of
 * cadres or organizations asked about.
 */
@Component
public class ActivePosts {

	private final MongoTemplate mongo;

	ActivePosts(MongoTemplate mongo) {
		this.mongo = mongo;
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
		return this.mongo.find(
				Query.query(new Criteria().andOperator(Criteria.where("cadreId").in(cadreIds), heldOn(day))),
				Appointment.class);
	}

	public List<Appointment> inOrganizations(Collection<String> organizationIds, LocalDate day) {
		if (organizationIds.isEmpty()) {
			return List.of();
		}
		return this.mongo.find(
				Query.query(
						new Criteria().andOperator(Criteria.where("organizationId").in(organizationIds), heldOn(day))),
				Appointment.class);
	}

	public List<Appointment> principalsIn(Collection<String> organizationIds, LocalDate day) {
		if (organizationIds.isEmpty()) {
			return List.of();
		}
		return this.mongo
			.find(Query.query(new Criteria().andOperator(Criteria.where("organizationId").in(organizationIds),
					Criteria.where("role").is(TeamRole.PRINCIPAL), heldOn(day))), Appointment.class);
	}

	/** Principals of every organization in the subtree of {@code organizationId}. */
	public List<Appointment> principalsInSubtree(String organizationId, LocalDate day) {
		return this.mongo.find(Query.query(new Criteria().andOperator(Criteria.where("orgPath").is(organizationId),
				Criteria.where("role").is(TeamRole.PRINCIPAL), heldOn(day))), Appointment.class);
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
