package org.oversight.scheduler.obligation;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import org.oversight.core.talk.TalkKind;

/**
 * A talk someone owes (谈话提醒): {@code ownerCadreId} is to hold a talk of {@code kind} with
 * {@code subjectCadreId} by {@code dueOn}. Keyed by (owner, subject, kind, period), so
 * the daily check can write it any number of times and it exists once.
 *
 * @param id {@link #key}
 * @param ownerCadreId who owes the talk
 * @param subjectCadreId who is to be talked to
 * @param kind APPOINTMENT, SUPERVISION or HEART_TO_HEART
 * @param period which occurrence: for APPOINTMENT the start of the appointment, for the
 * periodic kinds the due date (each 12-month cycle is one obligation)
 * @param organizationId the organization of the subject's post (scope filters)
 * @param orgPath its materialised path, rewritten when an organization moves
 * @param dueOn the day by which the talk is due
 * @param status OPEN, FULFILLED or WITHDRAWN
 * @param openedOn the day the check opened it
 * @param fulfilledOn the date of the talk that fulfilled it
 * @param fulfilledByTalkId that talk
 * @param countsFrom the earliest talk date that fulfils it (null: any)
 * @param withdrawnOn the day it stopped being owed without the talk
 * @param confirmedOn the last day a check found it still owed
 * @param confirmedByCheck the number of the latest check that found it owed (checks are
 * numbered in the order they start, across processes)
 */
@Document("obligations")
@CompoundIndex(name = "status_due", def = "{ 'status': 1, 'dueOn': 1, '_id': 1 }")
@CompoundIndex(name = "subject_kind_status", def = "{ 'subjectCadreId': 1, 'kind': 1, 'status': 1 }")
public record Obligation(@Id String id, @Indexed String ownerCadreId, String subjectCadreId, TalkKind kind,
		String period, String organizationId, @Indexed List<String> orgPath, LocalDate dueOn, ObligationStatus status,
		LocalDate openedOn, LocalDate fulfilledOn, String fulfilledByTalkId, LocalDate countsFrom,
		LocalDate withdrawnOn, LocalDate confirmedOn, Long confirmedByCheck) {

	/** The identity of an obligation: {@code owner:subject:KIND:period}. */
	public static String key(String ownerCadreId, String subjectCadreId, TalkKind kind, String period) {
		return ownerCadreId + ":" + subjectCadreId + ":" + kind.name() + ":" + period;
	}

	/** A newly owed talk, as the daily check wants it. */
	static Obligation owed(String ownerCadreId, String subjectCadreId, TalkKind kind, String period,
			String organizationId, List<String> orgPath, LocalDate dueOn, LocalDate countsFrom, LocalDate day) {
		return new Obligation(key(ownerCadreId, subjectCadreId, kind, period), ownerCadreId, subjectCadreId, kind,
				period, organizationId, List.copyOf(orgPath), dueOn, ObligationStatus.OPEN, day, null, null, countsFrom,
				null, day, null);
	}

	public boolean isOpen() {
		return this.status == ObligationStatus.OPEN;
	}

	/** Still open after its due date. */
	public boolean overdueOn(LocalDate day) {
		return isOpen() && this.dueOn.isBefore(day);
	}

}
