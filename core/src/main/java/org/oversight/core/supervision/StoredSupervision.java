package org.oversight.core.supervision;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import org.oversight.core.common.Stamp;

/**
 * A supervision arrangement added by hand (stationed discipline teams, contact leaders,
 * cross inspection), valid from {@code from} to {@code to} inclusive.
 */
@Document("supervisions")
public class StoredSupervision {

	@Id
	private String id;

	@Indexed
	private String supervisorId;

	@Indexed
	private String subjectId;

	private SupervisionKind kind;

	private String organizationId;

	@Indexed
	private List<String> orgPath;

	private LocalDate from;

	private LocalDate to;

	private Stamp stamp;

	protected StoredSupervision() {
	}

	StoredSupervision(String id, String supervisorId, String subjectId, SupervisionKind kind, String organizationId,
			List<String> orgPath, LocalDate from, LocalDate to, Stamp stamp) {
		this.id = id;
		this.supervisorId = supervisorId;
		this.subjectId = subjectId;
		this.kind = kind;
		this.organizationId = organizationId;
		this.orgPath = orgPath;
		this.from = from;
		this.to = to;
		this.stamp = stamp;
	}

	public String id() {
		return this.id;
	}

	public String supervisorId() {
		return this.supervisorId;
	}

	public String subjectId() {
		return this.subjectId;
	}

	public SupervisionKind kind() {
		return this.kind;
	}

	public String organizationId() {
		return this.organizationId;
	}

	public LocalDate from() {
		return this.from;
	}

	public LocalDate to() {
		return this.to;
	}

	public boolean validOn(LocalDate day) {
		return !this.from.isAfter(day) && (this.to == null || !this.to.isBefore(day));
	}

	public SupervisionEdge toEdge() {
		return new SupervisionEdge(this.id, this.supervisorId, this.subjectId, this.kind, this.organizationId, false,
				this.from, this.to);
	}

}
