package org.oversight.core.common;

import java.time.Instant;

/**
 * When and by whom a document was created and last changed. Every stored document carries
 * one.
 */
public record Stamp(Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

	public static Stamp created(Instant at, String by) {
		return new Stamp(at, by, at, by);
	}

	public Stamp touched(Instant at, String by) {
		return new Stamp(this.createdAt, this.createdBy, at, by);
	}

}
