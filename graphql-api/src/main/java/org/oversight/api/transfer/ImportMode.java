package org.oversight.api.transfer;

import java.util.Locale;

/** What an import does with a file that has bad rows. */
public enum ImportMode {

	/** The default: validate everything, store nothing when any row is bad. */
	ALL_OR_NOTHING("all-or-nothing"),
	/** Store the good rows, report the bad ones. */
	VALID_ONLY("valid-only"),
	/** Validate only; store nothing, whatever the outcome. */
	CHECK("check");

	private final String value;

	ImportMode(String value) {
		this.value = value;
	}

	public String value() {
		return this.value;
	}

	/** By its value ({@code valid-only}) or name ({@code VALID_ONLY}); null → default. */
	public static ImportMode parse(String text) {
		if (text == null || text.isBlank()) {
			return ALL_OR_NOTHING;
		}
		String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
		for (ImportMode mode : values()) {
			if (mode.value.equals(wanted)) {
				return mode;
			}
		}
		throw new IllegalArgumentException("mode must be all-or-nothing, valid-only or check, not " + text);
	}

}
