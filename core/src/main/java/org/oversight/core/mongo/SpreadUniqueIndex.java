package org.oversight.core.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * The memory backend's unique index, with keys hashed so that ids made one after another
 * do not collide, and lists of plain ids looked up without the server's general sort.
 * <p>
 * The stock index is a hash map of its keys, whose hash is that of their values: for an
 * object id {@code Arrays.hashCode} of its 12 bytes. Ids made by one process differ only
 * in their last bytes, which that polynomial folds onto few values: at M (300,000 talks)
 * the map's bins grew into trees of keys that cannot be ordered, searched one by one (a
 * third of the embedded server's CPU for a county's coverage). Here an object id is
 * hashed as two numbers mixed, a string by all its characters mixed; equal keys still
 * hash alike. For {@code {_id: {$in: [...]}}} with ids of one kind (strings or object
 * ids) the positions come in the order of the ids as the stock index gives them, sorted
 * by their natural order instead of the server's comparator of any two values; any other
 * query is answered by the stock code.
 */
final class SpreadUniqueIndex extends AbstractUniqueIndex<Integer> {

	/** Each key maps to itself: the position is a field of the key, read with it. */
	private final Map<Key, Key> index = new ConcurrentHashMap<>();

	SpreadUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
	}

	@Override
	public long getCount() {
		return this.index.size();
	}

	@Override
	public boolean isEmpty() {
		return this.index.isEmpty();
	}

	@Override
	public long getDataSize() {
		return getCount();
	}

	@Override
	protected Integer removeDocument(KeyValue keyValue) {
		Key removed = this.index.remove(Key.of(keyValue, -1));
		return (removed != null) ? removed.position : null;
	}

	@Override
	protected boolean putKeyPosition(KeyValue keyValue, Integer position) {
		Key key = Key.of(keyValue, position);
		return this.index.putIfAbsent(key, key) == null;
	}

	@Override
	protected Integer getPosition(KeyValue keyValue) {
		Key found = this.index.get(Key.of(keyValue, -1));
		return (found != null) ? found.position : null;
	}

	@Override
	protected Iterable<Map.Entry<KeyValue, Integer>> getIterable() {
		List<Map.Entry<KeyValue, Integer>> entries = new ArrayList<>(this.index.size());
		this.index.forEach((key, stored) -> entries.add(Map.entry(key.value, stored.position)));
		return entries;
	}

	@Override
	public synchronized Iterable<Integer> getPositions(Document query) {
		List<Object> ids = (keys().size() == 1) ? IdListMatch.sortedPlainIn(query.get(keys().get(0))) : null;
		if (ids == null) {
			return super.getPositions(query);
		}
		List<Integer> positions = new ArrayList<>(ids.size());
		for (Object id : ids) {
			Key found = this.index.get(Key.of(new KeyValue(id), -1));
			if (found != null) {
				positions.add(found.position);
			}
		}
		return positions;
	}

	/**
	 * A key with its spread hash, computed once, and the position of its document. A
	 * lookup at M is bound by memory reads, not by arithmetic: a key of one object id
	 * keeps its 12 bytes as two numbers, so that comparing it reads the key alone (the
	 * general key reads its value, the list in it, the id and the id's bytes), and the
	 * position is read with the key rather than from a boxed value of its own.
	 */
	private static class Key {

		final KeyValue value;

		final int hash;

		final int position;

		Key(KeyValue value, int hash, int position) {
			this.value = value;
			this.hash = hash;
			this.position = position;
		}

		static Key of(KeyValue value, int position) {
			if (value.size() == 1 && value.get(0) instanceof ObjectId id) {
				return new IdKey(value, id.toByteArray(), position);
			}
			int hash = 1;
			for (Object part : value) {
				hash = 31 * hash + spread(part);
			}
			return new Key(value, hash, position);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && !(key instanceof IdKey) && this.hash == key.hash
					&& this.value.equals(key.value);
		}

		@Override
		public final int hashCode() {
			return this.hash;
		}

	}

	/** A key of one object id, compared by its bytes held as two numbers. */
	private static final class IdKey extends Key {

		private final long high;

		private final int low;

		IdKey(KeyValue value, byte[] bytes, int position) {
			this(value, high(bytes), low(bytes), position);
		}

		private IdKey(KeyValue value, long high, int low, int position) {
			super(value, spread(high, low), position);
			this.high = high;
			this.low = low;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof IdKey key && this.high == key.high && this.low == key.low;
		}

	}

	/** A value's hash: equal values alike, ids made one after another far apart. */
	static int spread(Object value) {
		if (value instanceof ObjectId id) {
			byte[] bytes = id.toByteArray();
			return spread(high(bytes), low(bytes));
		}
		if (value instanceof String text) {
			long hash = 0xCBF29CE484222325L;
			for (int i = 0; i < text.length(); i++) {
				hash = (hash ^ text.charAt(i)) * 0x100000001B3L;
			}
			return mix(hash);
		}
		return (value != null) ? value.hashCode() : 0;
	}

	private static int spread(long high, int low) {
		return mix(high * 0x9E3779B97F4A7C15L + (low & 0xFFFFFFFFL));
	}

	private static long high(byte[] bytes) {
		long high = 0;
		for (int i = 0; i < 8; i++) {
			high = (high << 8) | (bytes[i] & 0xFF);
		}
		return high;
	}

	private static int low(byte[] bytes) {
		int low = 0;
		for (int i = 8; i < bytes.length; i++) {
			low = (low << 8) | (bytes[i] & 0xFF);
		}
		return low;
	}

	private static int mix(long x) {
		x ^= x >>> 33;
		x *= 0xFF51AFD7ED558CCDL;
		x ^= x >>> 33;
		x *= 0xC4CEB9FE1A85EC53L;
		x ^= x >>> 33;
		return (int) x;
	}

}
