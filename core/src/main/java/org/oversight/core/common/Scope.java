package org.oversight.core.common;

import java.util.Collection;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * What a caller may read: the subtree of one organization (or everything), minus what
 * concerns the cadre the caller's account is linked to (recusal). Applied in every query
 * as a condition on the materialised path, never by filtering loaded results.
 *
 * @param organizationId the root of the visible subtree; null for everything
 * @param recusedCadreId the cadre whose findings, tasks and risk profiles stay hidden;
 * null for none
 */
public record Scope(String organizationId, String recusedCadreId) {

	private static final Scope EVERYTHING = new Scope(null, null);

	public static Scope everything() {
		return EVERYTHING;
	}

	public static Scope within(String organizationId) {
		return new Scope(organizationId, null);
	}

	public boolean unrestricted() {
		return this.organizationId == null;
	}

	/** A condition on a path field ({@code path} or {@code orgPath}). */
	public Criteria on(String pathField) {
		return (this.organizationId != null) ? Criteria.where(pathField).is(this.organizationId) : new Criteria();
	}

	/** Whether something whose path is given lies inside the scope. */
	public boolean contains(Collection<String> path) {
		return this.organizationId == null || (path != null && path.contains(this.organizationId));
	}

	/** A condition hiding the recused cadre's own records in {@code subjectField}. */
	public Criteria recusal(String subjectField) {
		return (this.recusedCadreId != null) ? Criteria.where(subjectField).ne(this.recusedCadreId) : new Criteria();
	}

	public boolean recused(String cadreId) {
		return this.recusedCadreId != null && this.recusedCadreId.equals(cadreId);
	}

}
