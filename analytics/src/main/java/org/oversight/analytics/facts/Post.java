package org.oversight.analytics.facts;

import java.time.LocalDate;
import java.util.List;

import org.oversight.core.cadre.TeamRole;

/**
 * The fields of an appointment the analytics read: a post held from {@code start} to
 * {@code end} (both included; end null while held).
 *
 * @param id the appointment id
 * @param cadreId who holds it
 * @param organizationId where
 * @param orgPath that organization's path, root first
 * @param role the team role
 * @param start first day
 * @param end last day, or null
 */
public record Post(String id, String cadreId, String organizationId, List<String> orgPath, TeamRole role,
		LocalDate start, LocalDate end) {

	public boolean activeOn(LocalDate day) {
		return !this.start.isAfter(day) && (this.end == null || !this.end.isBefore(day));
	}

	public boolean overlaps(LocalDate from, LocalDate to) {
		return !this.start.isAfter(to) && (this.end == null || !this.end.isBefore(from));
	}

	public boolean principal() {
		return this.role == TeamRole.PRINCIPAL;
	}

	public int depth() {
		return this.orgPath.size() - 1;
	}

	/** The organizations above the post's own, root first. */
	public List<String> ancestorIds() {
		return this.orgPath.subList(0, this.orgPath.size() - 1);
	}

	/**
	 * Of two posts of one cadre, the one a count places them by: the deeper, the earlier
	 * start on a tie, then the smaller id (so the choice never depends on read order).
	 */
	public static Post deeper(Post a, Post b) {
		if (a.depth() != b.depth()) {
			return (a.depth() > b.depth()) ? a : b;
		}
		if (!a.start.equals(b.start)) {
			return a.start.isBefore(b.start) ? a : b;
		}
		return (a.id.compareTo(b.id) <= 0) ? a : b;
	}

}
