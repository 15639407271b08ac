package org.oversight.core.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/**
 * The seeded draws the demo province is generated with (and the benchmark's bulk
 * generator, which writes the same shapes): one {@link Random} per generation, so a seed
 * always gives the same data.
 */
public abstract class SeededDraws {

	protected final Random random;

	protected SeededDraws(long seed) {
		this.random = new Random(seed);
	}

	protected boolean chance(double p) {
		return this.random.nextDouble() < p;
	}

	/** A number from {@code low} to {@code high}, both included. */
	protected int between(int low, int high) {
		return low + this.random.nextInt(high - low + 1);
	}

	/** A day from {@code from} to {@code to}, both included; null when none. */
	protected LocalDate dayIn(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return null;
		}
		long days = ChronoUnit.DAYS.between(from, to);
		return from.plusDays((long) (this.random.nextDouble() * (days + 1)));
	}

	protected <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	protected <T> T weighted(T[] values, int... weights) {
		int total = 0;
		for (int weight : weights) {
			total += weight;
		}
		int draw = this.random.nextInt(total);
		for (int i = 0; i < values.length; i++) {
			draw -= weights[i];
			if (draw < 0) {
				return values[i];
			}
		}
		return values[values.length - 1];
	}

	protected static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	protected static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

}
