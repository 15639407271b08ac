package org.oversight.core.rectification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Task keys matched as text give what matching them as statuses and dates gives, around
 * every boundary: today for overdue, the deadline range, month and year ends.
 */
class RectificationTallyKeysTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

	@Test
	void keysMatchedAsTextMatchAsStatusesAndDates() {
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate day = LocalDate.of(2025, 12, 25); day
			.isBefore(LocalDate.of(2027, 1, 10)); day = day.plusDays(3)) {
			days.add(day);
		}
		days.addAll(List.of(TODAY.minusDays(1), TODAY, TODAY.plusDays(1), LocalDate.of(2026, 9, 30),
				LocalDate.of(2026, 10, 1), LocalDate.of(2099, 1, 1), LocalDate.of(2010, 12, 31)));
		List<Set<RectificationStatus>> statusSets = List.of(EnumSet.allOf(RectificationStatus.class),
				EnumSet.of(RectificationStatus.ASSIGNED, RectificationStatus.IN_PROGRESS,
						RectificationStatus.SUBMITTED),
				EnumSet.of(RectificationStatus.values()[RectificationStatus.values().length - 1]));
		List<LocalDate[]> ranges = List.of(new LocalDate[] { null, null },
				new LocalDate[] { LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 30) },
				new LocalDate[] { TODAY, null }, new LocalDate[] { null, TODAY });
		int matched = 0;
		int checked = 0;
		for (Set<RectificationStatus> statuses : statusSets) {
			for (Boolean overdue : new Boolean[] { null, true, false }) {
				for (LocalDate[] range : ranges) {
					var keys = new RectificationTally.Keys(statuses, overdue, TODAY, range[0], range[1]);
					var matcher = keys.matcher();
					for (RectificationStatus status : RectificationStatus.values()) {
						for (LocalDate deadline : days) {
							String key = RectificationTally.key(status, deadline);
							boolean expected = reference(keys, status, deadline);
							assertThat(matcher.test(key)).as(key + " " + keys).isEqualTo(expected);
							assertThat(keys.matches(key)).isEqualTo(expected);
							matched += expected ? 1 : 0;
							checked++;
						}
					}
				}
			}
		}
		assertThat(matched).isGreaterThan(checked / 20).isLessThan(checked);
	}

	/** The rule as statuses and dates. */
	private static boolean reference(RectificationTally.Keys keys, RectificationStatus status, LocalDate deadline) {
		if (!keys.statuses().contains(status)) {
			return false;
		}
		if (keys.overdue() != null) {
			boolean late = (status == RectificationStatus.ASSIGNED || status == RectificationStatus.IN_PROGRESS)
					&& deadline.isBefore(keys.today());
			if (late != keys.overdue()) {
				return false;
			}
		}
		return (keys.deadlineFrom() == null || !deadline.isBefore(keys.deadlineFrom()))
				&& (keys.deadlineTo() == null || !deadline.isAfter(keys.deadlineTo()));
	}

}
