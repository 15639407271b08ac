package org.oversight.core.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * "Today" and "now" in the configured zone ({@code OVERSIGHT_TIME_ZONE}), from an
 * injected {@link Clock} so tests can fix the day.
 */
public final class Today {

	private final Clock clock;

	public Today(Clock clock) {
		this.clock = clock;
	}

	public LocalDate date() {
		return LocalDate.now(this.clock);
	}

	public Instant now() {
		return this.clock.instant();
	}

	public ZoneId zone() {
		return this.clock.getZone();
	}

	public Clock clock() {
		return this.clock;
	}

}
