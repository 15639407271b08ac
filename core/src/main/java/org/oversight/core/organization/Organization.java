package org.oversight.core.organization;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import org.oversight.core.common.DomainException;
import org.oversight.core.common.Stamp;

/**
 * A node of the organization tree. {@code path} is the materialised chain of ids from the
 * root down to this organization itself, so a subtree is one query ({@code path: id}) and
 * the ancestors are one lookup.
 */
@Document("organizations")
public class Organization {

	@Id
	private String id;

	@Indexed(unique = true)
	private String code;

	private String name;

	private OrgKind kind;

	private OrgLevel level;

	@Indexed
	private String parentId;

	@Indexed
	private List<String> path;

	private LocalDate dissolvedOn;

	/**
	 * Ancestors of a move still being written below this organization (crash recovery).
	 */
	private List<String> pendingMoveFrom;

	private Stamp stamp;

	protected Organization() {
	}

	Organization(String id, String code, String name, OrgKind kind, OrgLevel level, Organization parent, Stamp stamp) {
		this.id = id;
		this.code = code;
		this.name = name;
		this.kind = kind;
		this.level = level;
		this.parentId = (parent != null) ? parent.id : null;
		this.path = (parent != null) ? append(parent.path, id) : List.of(id);
		this.stamp = stamp;
	}

	/** An organization as stored, every field given ({@link OrganizationReader}). */
	static Organization stored(String id, String code, String name, OrgKind kind, OrgLevel level, String parentId,
			List<String> path, LocalDate dissolvedOn, List<String> pendingMoveFrom, Stamp stamp) {
		Organization organization = new Organization();
		organization.id = id;
		organization.code = code;
		organization.name = name;
		organization.kind = kind;
		organization.level = level;
		organization.parentId = parentId;
		organization.path = path;
		organization.dissolvedOn = dissolvedOn;
		organization.pendingMoveFrom = pendingMoveFrom;
		organization.stamp = stamp;
		return organization;
	}

	private static List<String> append(List<String> path, String id) {
		var result = new java.util.ArrayList<>(path);
		result.add(id);
		return List.copyOf(result);
	}

	public String id() {
		return this.id;
	}

	public String code() {
		return this.code;
	}

	public String name() {
		return this.name;
	}

	public OrgKind kind() {
		return this.kind;
	}

	public OrgLevel level() {
		return this.level;
	}

	public String parentId() {
		return this.parentId;
	}

	/** Root first, this organization last. */
	public List<String> path() {
		return this.path;
	}

	/** Root first, parent last. */
	public List<String> ancestorIds() {
		return this.path.subList(0, this.path.size() - 1);
	}

	public int depth() {
		return this.path.size() - 1;
	}

	public LocalDate dissolvedOn() {
		return this.dissolvedOn;
	}

	public Stamp stamp() {
		return this.stamp;
	}

	List<String> pendingMoveFrom() {
		return this.pendingMoveFrom;
	}

	public boolean isAncestorOf(Organization other) {
		return other.path.contains(this.id) && !other.id.equals(this.id);
	}

	public boolean isWithin(String organizationId) {
		return this.path.contains(organizationId);
	}

	/** Exists on the day: not dissolved before it. */
	public boolean existsOn(LocalDate day) {
		return this.dissolvedOn == null || !day.isAfter(this.dissolvedOn);
	}

	public void requireNotDissolved(String field) {
		if (this.dissolvedOn != null) {
			throw DomainException
				.conflict("Organization " + this.code + " was dissolved on " + this.dissolvedOn + " (" + field + ")");
		}
	}

	public boolean dissolved() {
		return this.dissolvedOn != null;
	}

}
