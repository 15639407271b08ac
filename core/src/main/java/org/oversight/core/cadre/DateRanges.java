package org.oversight.core.cadre;

import java.time.LocalDate;

/** Inclusive date ranges whose end may be open (null). */
public final class DateRanges {

	private DateRanges() {
	}

	public static boolean overlap(LocalDate startA, LocalDate endA, LocalDate startB, LocalDate endB) {
		boolean aEndsBeforeB = endA != null && endA.isBefore(startB);
		boolean bEndsBeforeA = endB != null && endB.isBefore(startA);
		return !aEndsBeforeB && !bEndsBeforeA;
	}

}
