package org.oversight.core.common;

/**
 * A command refused by the domain. Each subtype maps to one error classification of the
 * API contract.
 */
public abstract sealed class DomainException extends RuntimeException
		permits DomainException.NotFound, DomainException.Invalid, DomainException.Conflict, DomainException.Forbidden {

	protected DomainException(String message) {
		super(message);
	}

	/** An id that does not exist, is malformed, or that the caller may not see. */
	public static final class NotFound extends DomainException {

		private final String field;

		public NotFound(String field, String message) {
			super(message);
			this.field = field;
		}

		public String field() {
			return this.field;
		}

	}

	/** Invalid input; {@link #field()} names the input field as the schema spells it. */
	public static final class Invalid extends DomainException {

		private final String field;

		public Invalid(String field, String message) {
			super(field + ": " + message);
			this.field = field;
		}

		public String field() {
			return this.field;
		}

	}

	/** A uniqueness rule, a disallowed state change or a stale version. */
	public static final class Conflict extends DomainException {

		public Conflict(String message) {
			super(message);
		}

	}

	/** An operation outside the caller's rights or scope. */
	public static final class Forbidden extends DomainException {

		public Forbidden(String message) {
			super(message);
		}

	}

	public static NotFound notFound(String field, String what, Object id) {
		return new NotFound(field, what + " not found: " + id);
	}

	public static Invalid invalid(String field, String message) {
		return new Invalid(field, message);
	}

	public static Conflict conflict(String message) {
		return new Conflict(message);
	}

}
