package org.oversight.scheduler.obligation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.query.Criteria;

import org.oversight.core.cadre.Appointment;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.mongo.InQueries;
import org.oversight.core.talk.Talk;
import org.oversight.core.talk.TalkKind;

/**
 * Judges which talks count for an obligation, for a batch of talks loaded with two
 * queries: the posts of their subjects and the principal posts of their conductors.
 * APPOINTMENT and SUPERVISION talks count when conducted (alone or with others) by an
 * ancestor principal: someone who on the talk's date holds the PRINCIPAL role of an
 * ancestor of an organization where the subject then holds a post (as coverage judges
 * it). A HEART_TO_HEART talk counts when the owner, the team's principal, conducts it.
 */
final class TalkJudge {

	private final Map<String, List<Appointment>> subjectPosts;

	private final Map<String, List<Appointment>> conductorPrincipalPosts;

	private TalkJudge(Map<String, List<Appointment>> subjectPosts,
			Map<String, List<Appointment>> conductorPrincipalPosts) {
		this.subjectPosts = subjectPosts;
		this.conductorPrincipalPosts = conductorPrincipalPosts;
	}

	static TalkJudge of(InQueries inQueries, Collection<Talk> talks) {
		Set<String> subjects = new HashSet<>();
		Set<String> conductors = new HashSet<>();
		for (Talk talk : talks) {
			if (talk.kind() != TalkKind.HEART_TO_HEART) {
				subjects.add(talk.subjectId());
				conductors.addAll(talk.conductedByIds());
			}
		}
		if (subjects.isEmpty()) {
			return new TalkJudge(Map.of(), Map.of());
		}
		Map<String, List<Appointment>> subjectPosts = inQueries
			.find(Appointment.class, null, "cadreId", subjects, Appointment::cadreId)
			.stream()
			.collect(Collectors.groupingBy(Appointment::cadreId));
		Map<String, List<Appointment>> principalPosts = inQueries
			.find(Appointment.class, Criteria.where("role").is(TeamRole.PRINCIPAL), "cadreId", conductors,
					Appointment::cadreId)
			.stream()
			.collect(Collectors.groupingBy(Appointment::cadreId));
		return new TalkJudge(subjectPosts, principalPosts);
	}

	/** Whether the talk fulfils the obligation (as of {@code day}). */
	boolean fulfils(Obligation obligation, Talk talk, LocalDate day) {
		if (talk.kind() != obligation.kind() || !talk.subjectId().equals(obligation.subjectCadreId())
				|| talk.date().isAfter(day)
				|| (obligation.countsFrom() != null && talk.date().isBefore(obligation.countsFrom()))) {
			return false;
		}
		if (obligation.kind() == TalkKind.HEART_TO_HEART) {
			return talk.conductedByIds().contains(obligation.ownerCadreId());
		}
		return byAncestorPrincipal(talk);
	}

	boolean byAncestorPrincipal(Talk talk) {
		LocalDate on = talk.date();
		for (String conductor : talk.conductedByIds()) {
			if (conductor.equals(talk.subjectId())) {
				continue;
			}
			for (Appointment principal : this.conductorPrincipalPosts.getOrDefault(conductor, List.of())) {
				if (!principal.activeOn(on)) {
					continue;
				}
				for (Appointment post : this.subjectPosts.getOrDefault(talk.subjectId(), List.of())) {
					if (post.activeOn(on) && post.orgPath().contains(principal.organizationId())
							&& !post.organizationId().equals(principal.organizationId())) {
						return true;
					}
				}
			}
		}
		return false;
	}

}
