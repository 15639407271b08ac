package org.oversight.core.finding;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import org.oversight.core.tally.SubtreeTallies;
import org.oversight.core.tally.TallyFilter;
import org.oversight.core.tally.TallySource;

/**
 * Findings counted per subtree by status, severity, source and category
 * ({@code OPEN|SERIOUS|INSPECTION|…}). Every write that changes one of these is a
 * single-document operation returning the document as it was, so the change counted is
 * exactly the change made, however writes interleave.
 */
@Component
public class FindingTally implements TallySource {

	public static final String SOURCE = "findings";

	@Override
	public String name() {
		return SOURCE;
	}

	@Override
	public String collection() {
		return "findings";
	}

	@Override
	public Document keyExpression() {
		return new Document("$concat", List.of("$status", "|", "$severity", "|", "$source", "|", "$category"));
	}

	static SubtreeTallies.Counted counted(Finding finding) {
		return counted(finding, finding.status(), finding.severity(), finding.category());
	}

	static SubtreeTallies.Counted counted(Finding finding, FindingStatus status, Severity severity,
			FindingCategory category) {
		return new SubtreeTallies.Counted(finding.orgPath(),
				status.name() + "|" + severity.name() + "|" + finding.source().name() + "|" + category.name());
	}

	/**
	 * The filter as a tally filter, or null when it filters on what the keys do not hold
	 * (disposition, subject, dates, whether it concerns a principal).
	 */
	public static @Nullable Keys of(@Nullable FindingFilter filter) {
		if (filter == null) {
			return new Keys(null, null, null, null);
		}
		if ((filter.disposition() != null && !filter.disposition().isEmpty()) || filter.concernsPrincipal() != null
				|| filter.subjectId() != null || filter.reportedFrom() != null || filter.reportedTo() != null) {
			return null;
		}
		return new Keys(names(filter.status()), names(filter.severity()), names(filter.source()),
				names(filter.category()));
	}

	private static @Nullable Set<String> names(@Nullable List<? extends Enum<?>> values) {
		return (values == null || values.isEmpty()) ? null : Set.copyOf(values.stream().map(Enum::name).toList());
	}

	/** Which finding keys match: each set null for any. */
	public record Keys(@Nullable Set<String> statuses, @Nullable Set<String> severities, @Nullable Set<String> sources,
			@Nullable Set<String> categories) implements TallyFilter {

		@Override
		public String source() {
			return SOURCE;
		}

		@Override
		public @Nullable Collection<String> parts() {
			return this.statuses;
		}

		@Override
		public boolean matches(String key) {
			String[] parts = key.split("\\|", -1);
			return parts.length == 4 && in(this.statuses, parts[0]) && in(this.severities, parts[1])
					&& in(this.sources, parts[2]) && in(this.categories, parts[3]);
		}

		private static boolean in(@Nullable Set<String> wanted, String value) {
			return wanted == null || wanted.contains(value);
		}

	}

}
