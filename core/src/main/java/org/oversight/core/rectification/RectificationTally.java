package org.oversight.core.rectification;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import org.oversight.core.tally.SubtreeTallies;
import org.oversight.core.tally.TallyFilter;
import org.oversight.core.tally.TallySource;

/**
 * Tasks counted per subtree by status and deadline ({@code ASSIGNED|2026-06-30}): enough
 * to count any subtree's tasks by status, overdue as of any day, and deadline range,
 * without a daily job (a task becomes overdue by the calendar, not by a write).
 */
@Component
public class RectificationTally implements TallySource {

	public static final String SOURCE = "tasks";

	@Override
	public String name() {
		return SOURCE;
	}

	@Override
	public String collection() {
		return "rectifications";
	}

	@Override
	public Document keyExpression() {
		return new Document("$concat", List.of("$status", "|",
				new Document("$dateToString", new Document("format", "%Y-%m-%d").append("date", "$deadline"))));
	}

	static SubtreeTallies.Counted counted(Rectification task) {
		return new SubtreeTallies.Counted(task.orgPath(), key(task.status(), task.deadline()));
	}

	static String key(RectificationStatus status, LocalDate deadline) {
		return status.name() + "|" + deadline;
	}

	/**
	 * The filter as a tally filter as of {@code today}, or null when it filters on what
	 * the keys do not hold (mode, whether the task concerns a principal).
	 */
	public static @Nullable Keys of(@Nullable RectificationFilter filter, LocalDate today) {
		if (filter == null) {
			return new Keys(EnumSet.allOf(RectificationStatus.class), null, null, null, null);
		}
		if ((filter.mode() != null && !filter.mode().isEmpty()) || filter.concernsPrincipal() != null) {
			return null;
		}
		Set<RectificationStatus> statuses = (filter.status() != null && !filter.status().isEmpty())
				? EnumSet.copyOf(filter.status()) : EnumSet.allOf(RectificationStatus.class);
		return new Keys(statuses, filter.overdue(), (filter.overdue() != null) ? today : null,
				later(filter.deadlineFrom(), null), earlier(filter.deadlineTo(),
						(filter.deadlineBefore() != null) ? filter.deadlineBefore().minusDays(1) : null));
	}

	private static @Nullable LocalDate later(@Nullable LocalDate a, @Nullable LocalDate b) {
		return (a == null) ? b : (b == null || a.isAfter(b)) ? a : b;
	}

	private static @Nullable LocalDate earlier(@Nullable LocalDate a, @Nullable LocalDate b) {
		return (a == null) ? b : (b == null || a.isBefore(b)) ? a : b;
	}

	/**
	 * Which task keys a {@link RectificationFilter} matches: the statuses, overdue as of
	 * {@code today} (true: still ASSIGNED or IN_PROGRESS after the deadline day; false:
	 * the others), and the deadline range (inclusive).
	 */
	public record Keys(Set<RectificationStatus> statuses, @Nullable Boolean overdue, @Nullable LocalDate today,
			@Nullable LocalDate deadlineFrom, @Nullable LocalDate deadlineTo) implements TallyFilter {

		@Override
		public String source() {
			return SOURCE;
		}

		@Override
		public java.util.Collection<String> parts() {
			java.util.Set<String> parts = new java.util.TreeSet<>();
			for (RectificationStatus status : this.statuses) {
				if (!Boolean.TRUE.equals(this.overdue) || status == RectificationStatus.ASSIGNED
						|| status == RectificationStatus.IN_PROGRESS) {
					parts.add(status.name());
				}
			}
			return parts;
		}

		@Override
		public boolean matches(String key) {
			return matcher().test(key);
		}

		/**
		 * Keys compared as text: the status by name, the deadline as its ISO date, whose
		 * text orders as the dates do (parsing each key's date was most of an overview's
		 * time at M).
		 */
		@Override
		public java.util.function.Predicate<String> matcher() {
			java.util.Set<String> names = new java.util.HashSet<>();
			this.statuses.forEach((status) -> names.add(status.name()));
			String today = (this.today != null) ? this.today.toString() : null;
			String from = (this.deadlineFrom != null) ? this.deadlineFrom.toString() : null;
			String to = (this.deadlineTo != null) ? this.deadlineTo.toString() : null;
			Boolean overdue = this.overdue;
			return (key) -> {
				int bar = key.indexOf('|');
				String status = key.substring(0, bar);
				if (!names.contains(status)) {
					return false;
				}
				String deadline = key.substring(bar + 1);
				if (overdue != null) {
					boolean open = status.equals(RectificationStatus.ASSIGNED.name())
							|| status.equals(RectificationStatus.IN_PROGRESS.name());
					boolean late = open && deadline.compareTo(today) < 0;
					if (late != overdue) {
						return false;
					}
				}
				return (from == null || deadline.compareTo(from) >= 0) && (to == null || deadline.compareTo(to) <= 0);
			};
		}

	}

}
