package org.oversight.core.tally;

/**
 * Which keys of a source a count adds up. Implementations are records, so equal filters
 * are equal keys of a batch loader.
 */
public interface TallyFilter {

	/** The source whose counts this filter reads. */
	String source();

	boolean matches(String key);

	/**
	 * {@link #matches} prepared once for the many keys of a tally (a province's task
	 * tally holds a key per status and deadline day: thousands).
	 */
	default java.util.function.Predicate<String> matcher() {
		return this::matches;
	}

	/**
	 * The first parts (before the first {@code |}) of every key this filter can match, so
	 * only those are read; null for all.
	 */
	default java.util.@org.jspecify.annotations.Nullable Collection<String> parts() {
		return null;
	}

}
