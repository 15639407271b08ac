package org.oversight.core.common;

/**
 * A page of a connection: at most {@code first} items after the opaque cursor
 * {@code after}. Page size defaults to 50; more than 500 is refused.
 */
public record PageRequest(int first, String after) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 500;

	public static PageRequest of(Integer first, String after) {
		int size = (first != null) ? first : DEFAULT_SIZE;
		if (size < 0) {
			throw DomainException.invalid("first", "must not be negative");
		}
		if (size > MAX_SIZE) {
			throw DomainException.invalid("first", "must be at most " + MAX_SIZE);
		}
		return new PageRequest(size, (after != null && !after.isBlank()) ? after : null);
	}

	public static PageRequest firstPage(int size) {
		return new PageRequest(size, null);
	}

}
