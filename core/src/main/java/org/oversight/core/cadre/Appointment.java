package org.oversight.core.cadre;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import org.oversight.core.common.Stamp;

/**
 * A cadre holds a post in an organization from {@code start} to {@code end}, both days
 * included; {@code end} is null while the post is held.
 */
@Document("appointments")
@CompoundIndex(name = "org_role_start", def = "{ 'organizationId': 1, 'role': 1, 'start': 1 }")
public class Appointment {

	@Id
	private String id;

	@Indexed
	private String cadreId;

	private String organizationId;

	@Indexed
	private List<String> orgPath;

	private TeamRole role;

	private String title;

	private LocalDate start;

	private LocalDate end;

	private Stamp stamp;

	protected Appointment() {
	}

	Appointment(String id, String cadreId, String organizationId, List<String> orgPath, TeamRole role, String title,
			LocalDate start, LocalDate end, Stamp stamp) {
		this.id = id;
		this.cadreId = cadreId;
		this.organizationId = organizationId;
		this.orgPath = orgPath;
		this.role = role;
		this.title = title;
		this.start = start;
		this.end = end;
		this.stamp = stamp;
	}

	public String id() {
		return this.id;
	}

	public String cadreId() {
		return this.cadreId;
	}

	public String organizationId() {
		return this.organizationId;
	}

	public List<String> orgPath() {
		return this.orgPath;
	}

	public TeamRole role() {
		return this.role;
	}

	public String title() {
		return this.title;
	}

	public LocalDate start() {
		return this.start;
	}

	public LocalDate end() {
		return this.end;
	}

	public Stamp stamp() {
		return this.stamp;
	}

	/** Held on the day: start and end days included. */
	public boolean activeOn(LocalDate day) {
		return !this.start.isAfter(day) && (this.end == null || !this.end.isBefore(day));
	}

	public boolean overlaps(LocalDate otherStart, LocalDate otherEnd) {
		return DateRanges.overlap(this.start, this.end, otherStart, otherEnd);
	}

	public boolean isPrincipal() {
		return this.role == TeamRole.PRINCIPAL;
	}

	/** Depth of the post's organization in the tree (0 for the root). */
	public int depth() {
		return this.orgPath.size() - 1;
	}

}
