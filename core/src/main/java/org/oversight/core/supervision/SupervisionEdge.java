package org.oversight.core.supervision;

import java.time.LocalDate;

/**
 * One supervision relation as of a day: {@code supervisorId} supervises
 * {@code subjectId}. Derived edges have no id; for them {@code from}/{@code to} are the
 * days the posts that make the edge overlap.
 */
public record SupervisionEdge(String id, String supervisorId, String subjectId, SupervisionKind kind,
		String organizationId, boolean derived, LocalDate from, LocalDate to) {

	static SupervisionEdge derived(String supervisorId, String subjectId, SupervisionKind kind, String organizationId,
			LocalDate from, LocalDate to) {
		return new SupervisionEdge(null, supervisorId, subjectId, kind, organizationId, true, from, to);
	}

}
