package org.oversight.core.common;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What one request has read, by key: a read-through cache that a request creates, hands
 * to the reads it makes and drops when it has answered. Every record is read at most once
 * per request, however many fields ask for it; nothing is kept between requests, so a
 * request never sees less than what was stored when it started, in this process or any
 * other.
 * <p>
 * A read asks for keys and names the read that fetches the missing ones in one go; keys
 * the read did not return are remembered as absent, so they are not asked again. Only for
 * reads of a request's start: a request that writes must not read through a memo filled
 * before its write.
 */
public final class Memo {

	private static final Object ABSENT = new Object();

	private final Map<Slot<?>, Map<String, Object>> slots = new HashMap<>();

	/** What is kept under a key: one kind of record, or list of records. */
	public static final class Slot<V> {

		private final String name;

		public Slot(String name) {
			this.name = name;
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	/**
	 * The values of the keys that exist, in the order of the keys: those read before from
	 * here, the others with one call of {@code read} (not called when none is missing).
	 */
	@SuppressWarnings("unchecked")
	public synchronized <V> Map<String, V> get(Slot<V> slot, Collection<String> keys,
			Function<Set<String>, Map<String, V>> read) {
		Map<String, Object> known = this.slots.computeIfAbsent(slot, (s) -> new HashMap<>());
		Set<String> missing = new LinkedHashSet<>();
		for (String key : keys) {
			if (!known.containsKey(key)) {
				missing.add(key);
			}
		}
		if (!missing.isEmpty()) {
			Map<String, V> readValues = read.apply(missing);
			for (String key : missing) {
				V value = readValues.get(key);
				known.put(key, (value != null) ? value : ABSENT);
			}
		}
		Map<String, V> result = new LinkedHashMap<>();
		for (String key : keys) {
			Object value = known.get(key);
			if (value != ABSENT) {
				result.put(key, (V) value);
			}
		}
		return result;
	}

	/** Keeps values read by other means (a wider read that returned these too). */
	public synchronized <V> void put(Slot<V> slot, Map<String, V> values) {
		this.slots.computeIfAbsent(slot, (s) -> new HashMap<>()).putAll(values);
	}

}
