package org.oversight.analytics.facts;

import java.time.LocalDate;

import org.oversight.core.common.DomainException;

/**
 * The calendar year a report or profile covers and its reference day: 31 December, or
 * today for the current year (the same rule as the supervision coverage). Stocks (cadres,
 * vacancies, overdue tasks) are counted on the reference day, flows (findings, talks,
 * steps) over the year up to it.
 *
 * @param year the calendar year
 * @param referenceDay the day stocks are counted on
 */
public record YearPeriod(int year, LocalDate referenceDay) {

	/** The appointment talk must come within this many days of the start. */
	public static final int APPOINTMENT_TALK_DAYS = 30;

	public static YearPeriod of(int year, LocalDate today) {
		if (year > today.getYear()) {
			throw DomainException.invalid("year", "must not be after the current year " + today.getYear());
		}
		if (year < 1949) {
			throw DomainException.invalid("year", "must be 1949 or later");
		}
		return new YearPeriod(year, (year == today.getYear()) ? today : LocalDate.of(year, 12, 31));
	}

	public LocalDate start() {
		return LocalDate.of(this.year, 1, 1);
	}

	public LocalDate end() {
		return LocalDate.of(this.year, 12, 31);
	}

	/**
	 * The last day a talk can count for the year: an appointment talk late in December.
	 */
	public LocalDate talkWindowEnd() {
		return end().plusDays(APPOINTMENT_TALK_DAYS);
	}

	public boolean contains(LocalDate day) {
		return day != null && !day.isBefore(start()) && !day.isAfter(end());
	}

}
