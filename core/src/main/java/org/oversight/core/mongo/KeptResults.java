package org.oversight.core.mongo;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Results computed from many records, kept by this process while none of the collections
 * they were read from has been written ({@link WriteEpochs}), and for a limited time at
 * most. Each use reads the stamp first (one read by {@code _id}); a result kept with the
 * same stamp is answered without reading anything else, any other is computed again and
 * kept with the stamp read before computing it. The least recently used results go first
 * when there are more than the capacity; a capacity of 0 keeps none.
 *
 * @param <K> what a result is of
 * @param <V> the result, immutable
 */
public final class KeptResults<K, V> {

	private final WriteEpochs epochs;

	private final List<String> collections;

	private final long lifetimeNanos;

	private final LongSupplier nanoTime;

	private final Map<K, Kept<V>> kept;

	private final int capacity;

	public KeptResults(WriteEpochs epochs, Collection<String> collections, int capacity, Duration lifetime) {
		this(epochs, collections, capacity, lifetime, System::nanoTime);
	}

	KeptResults(WriteEpochs epochs, Collection<String> collections, int capacity, Duration lifetime,
			LongSupplier nanoTime) {
		this.epochs = epochs;
		this.collections = List.copyOf(collections);
		epochs.watch(this.collections);
		this.capacity = capacity;
		this.lifetimeNanos = lifetime.toNanos();
		this.nanoTime = nanoTime;
		this.kept = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<K, Kept<V>> eldest) {
				return size() > KeptResults.this.capacity;
			}

		});
	}

	/** The kept result of the key when still current, otherwise the one computed now. */
	public V get(K key, Supplier<V> compute) {
		if (this.capacity <= 0) {
			return compute.get();
		}
		WriteEpochs.Stamp stamp = this.epochs.stamp(this.collections);
		long now = this.nanoTime.getAsLong();
		Kept<V> found = this.kept.get(key);
		if (current(found, stamp, now)) {
			WriteEpochs.usedKeptFrom(found.at());
			return found.value();
		}
		V value = compute.get();
		this.kept.put(key, new Kept<>(value, stamp, now));
		return value;
	}

	/**
	 * The results of several keys computed at once: those kept and current are answered,
	 * the others computed together by {@code compute} (given the keys missing, in order,
	 * answering a result for each key it knows) and kept. In the order of the keys.
	 */
	public Map<K, V> getAll(Collection<K> keys, Function<List<K>, Map<K, V>> compute) {
		if (this.capacity <= 0) {
			return compute.apply(List.copyOf(keys));
		}
		WriteEpochs.Stamp stamp = this.epochs.stamp(this.collections);
		long now = this.nanoTime.getAsLong();
		Map<K, V> found = new HashMap<>();
		Set<K> missing = new LinkedHashSet<>();
		for (K key : keys) {
			Kept<V> kept = this.kept.get(key);
			if (current(kept, stamp, now)) {
				WriteEpochs.usedKeptFrom(kept.at());
				found.put(key, kept.value());
			}
			else {
				missing.add(key);
			}
		}
		if (!missing.isEmpty()) {
			compute.apply(List.copyOf(missing)).forEach((key, value) -> {
				this.kept.put(key, new Kept<>(value, stamp, now));
				found.put(key, value);
			});
		}
		Map<K, V> result = new LinkedHashMap<>();
		for (K key : keys) {
			if (found.containsKey(key)) {
				result.put(key, found.get(key));
			}
		}
		return result;
	}

	/** Kept with the stamp read now, and younger than the lifetime. */
	private boolean current(Kept<V> kept, WriteEpochs.Stamp stamp, long now) {
		return kept != null && kept.stamp().equals(stamp) && now - kept.at() < this.lifetimeNanos;
	}

	/** How many results are kept now. */
	public int size() {
		return this.kept.size();
	}

	private record Kept<V>(V value, WriteEpochs.Stamp stamp, long at) {
	}

}
