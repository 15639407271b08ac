package org.oversight.scheduler.obligation;

import java.time.LocalDate;

import org.oversight.core.talk.TalkKind;

/**
 * Narrows a list of obligations; every null field matches everything.
 *
 * @param underOrganizationId the subtree of the subject's post organization
 * @param status OPEN, FULFILLED or WITHDRAWN
 * @param kind the kind of talk owed
 * @param ownerCadreId who owes the talk
 * @param subjectCadreId who is to be talked to
 * @param dueBefore due strictly before this day (with OPEN and today: the overdue ones)
 */
public record ObligationFilter(String underOrganizationId, ObligationStatus status, TalkKind kind, String ownerCadreId,
		String subjectCadreId, LocalDate dueBefore) {

	private static final ObligationFilter NONE = new ObligationFilter(null, null, null, null, null, null);

	public static ObligationFilter none() {
		return NONE;
	}

	public static ObligationFilter status(ObligationStatus status) {
		return new ObligationFilter(null, status, null, null, null, null);
	}

}
