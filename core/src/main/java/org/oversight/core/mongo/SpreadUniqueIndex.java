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

	private final Map<Key, Integer> index = new ConcurrentHashMap<>();

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
		return this.index.remove(new Key(keyValue));
	}

	@Override
	protected boolean putKeyPosition(KeyValue keyValue, Integer position) {
		return this.index.putIfAbsent(new Key(keyValue), position) == null;
	}

	@Override
	protected Integer getPosition(KeyValue keyValue) {
		return this.index.get(new Key(keyValue));
	}

	@Override
	protected Iterable<Map.Entry<KeyValue, Integer>> getIterable() {
		List<Map.Entry<KeyValue, Integer>> entries = new ArrayList<>(this.index.size());
		this.index.forEach((key, position) -> entries.add(Map.entry(key.value, position)));
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
			Integer position = this.index.get(new Key(new KeyValue(id)));
			if (position != null) {
				positions.add(position);
			}
		}
		return positions;
	}

	/** A key with its spread hash, computed once. */
	private static final class Key {

		private final KeyValue value;

		private final int hash;

		Key(KeyValue value) {
			this.value = value;
			int hash = 1;
			for (Object part : value) {
				hash = 31 * hash + spread(part);
			}
			this.hash = hash;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && this.hash == key.hash && this.value.equals(key.value);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

	/** A value's hash: equal values alike, ids made one after another far apart. */
	static int spread(Object value) {
		if (value instanceof ObjectId id) {
			byte[] bytes = id.toByteArray();
			long high = 0;
			for (int i = 0; i < 8; i++) {
				high = (high << 8) | (bytes[i] & 0xFF);
			}
			long low = 0;
			for (int i = 8; i < bytes.length; i++) {
				low = (low << 8) | (bytes[i] & 0xFF);
			}
			return mix(high * 0x9E3779B97F4A7C15L + low);
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

	private static int mix(long x) {
		x ^= x >>> 33;
		x *= 0xFF51AFD7ED558CCDL;
		x ^= x >>> 33;
		x *= 0xC4CEB9FE1A85EC53L;
		x ^= x >>> 33;
		return (int) x;
	}

}
