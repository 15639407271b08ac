package org.oversight.core.common;

import java.time.LocalDate;
import java.util.Collection;

/**
 * Small guards used by commands and aggregates before anything is stored. Each names the
 * field it checks, spelled as in the GraphQL schema.
 */
public final class Check {

	private Check() {
	}

	public static String text(String field, String value) {
		if (value == null || value.isBlank()) {
			throw DomainException.invalid(field, "must not be blank");
		}
		return value.strip();
	}

	public static String text(String field, String value, int maxLength) {
		String stripped = text(field, value);
		if (stripped.length() > maxLength) {
			throw DomainException.invalid(field, "must be at most " + maxLength + " characters");
		}
		return stripped;
	}

	public static String optionalText(String field, String value, int maxLength) {
		if (value == null) {
			return null;
		}
		if (value.isBlank()) {
			throw DomainException.invalid(field, "must not be blank when given");
		}
		if (value.strip().length() > maxLength) {
			throw DomainException.invalid(field, "must be at most " + maxLength + " characters");
		}
		return value.strip();
	}

	public static <T> T present(String field, T value) {
		if (value == null) {
			throw DomainException.invalid(field, "is required");
		}
		return value;
	}

	public static void notBefore(String field, LocalDate value, String otherField, LocalDate other) {
		if (value != null && other != null && value.isBefore(other)) {
			throw DomainException.invalid(field, "must not be before " + otherField + " (" + other + ")");
		}
	}

	public static void noBlanks(String field, Collection<String> values) {
		if (values != null && values.stream().anyMatch((v) -> v == null || v.isBlank())) {
			throw DomainException.invalid(field, "must not contain blank entries");
		}
	}

	public static String code(String field, String value) {
		String code = text(field, value, 64);
		if (!code.matches("[\\p{L}\\p{N}._-]+")) {
			throw DomainException.invalid(field, "may hold only letters, digits, '.', '_' and '-'");
		}
		return code;
	}

}
