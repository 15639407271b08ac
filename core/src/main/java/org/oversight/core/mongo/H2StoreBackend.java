package org.oversight.core.mongo;

import java.util.List;
import java.util.Map.Entry;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.netty.channel.Channel;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 (MVStore) backend of the embedded server, with its unique indexes ({@code _id}
 * and the declared unique keys) ordered by the keys' values.
 * <p>
 * The stock backend keeps each index in an MVStore map whose keys ({@link KeyValue}) are
 * neither strings nor {@link Comparable}: H2's {@link ObjectDataType} then orders them by
 * comparing their Java-serialised bytes, so every comparison of a B-tree search creates
 * two {@code ObjectOutputStream}s. Flight recordings of the dashboard queries on the S
 * data put 30–50 % of the CPU there (a cadre's supervision, coverage, the overdue list).
 * An index is only ever searched for equal keys, so any total order consistent with
 * {@code equals} serves: {@link OrderedKeys} compares the values themselves. (Ordering by
 * hash code alone was tried first: object ids made by one process differ mostly in their
 * counter bytes, and {@code Arrays.hashCode} of those collides often.)
 * <p>
 * The ordered maps get names of their own ({@value #INDEX_INFIX}), so a file written by
 * the stock backend opens too: the new maps start empty and the server fills them from
 * the documents when it opens the index; the old maps are then removed. A map is trusted
 * only once it is recorded as complete in {@value #BUILT} (a crash during that first
 * build leaves it unrecorded, and the next start builds it again).
 */
final class H2StoreBackend extends H2Backend {

	private static final Logger logger = LoggerFactory.getLogger(H2StoreBackend.class);

	static final String INDEX_INFIX = "._ordered_index_";

	/**
	 * The index maps of the stock backend, and of the hash-ordered ones of 22 November
	 * 2026.
	 */
	private static final Pattern RETIRED_INDEX = Pattern.compile("^[^.]+\\..+\\._h?index_.+$");

	static final String BUILT = "oversight.built-indexes";

	private final ReplyBatches batches = new ReplyBatches(getCursorRegistry());

	H2StoreBackend(MVStore store) {
		super(store);
	}

	/** Replies cut into batches by {@link ReplyBatches}. */
	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		return this.batches.handle(command, query, () -> super.handleCommand(channel, databaseName, command, query));
	}

	/**
	 * An MVStore in the file (or in memory with {@code null}), with a page cache of the
	 * given size: the pages of the cache are kept deserialised, the others are read from
	 * the file and Java-deserialised on each access.
	 */
	static MVStore open(String fileName, int cacheMegabytes) {
		MVStore.Builder builder = new MVStore.Builder().cacheSize(cacheMegabytes);
		if (fileName != null) {
			builder.fileName(fileName);
		}
		return builder.open();
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		// called from the constructor: only the superclass' state is set
		return new Database(databaseName, getMvStore());
	}

	private final class Database extends H2Database {

		/**
		 * False while the superclass opens the stored indexes (a field is only set after
		 * that): only then may an unrecorded map be a build that did not finish. Later an
		 * index is opened again for every {@code createIndex} of an existing one, and its
		 * map is the one in use.
		 */
		private boolean opened;

		Database(String name, MVStore store) {
			super(name, store, getCursorRegistry());
			this.opened = true;
			// the indexes are open and filled: record them, drop the stock ones
			MVMap<String, Boolean> built = store.openMap(BUILT);
			Set<String> ours = store.getMapNames()
				.stream()
				.filter((map) -> map.startsWith(name + ".") && map.contains(INDEX_INFIX))
				.collect(Collectors.toSet());
			ours.forEach((map) -> built.put(map, Boolean.TRUE));
			List<String> stock = store.getMapNames()
				.stream()
				.filter((map) -> map.startsWith(name + ".") && RETIRED_INDEX.matcher(map).matches()
						&& !map.contains(INDEX_INFIX))
				.toList();
			stock.forEach(store::removeMap);
			if (!stock.isEmpty()) {
				logger.info("Replaced {} index maps of the stock H2 backend in database '{}' by value-ordered ones",
						stock.size(), name);
			}
			if (store.getFileStore() != null) {
				store.commit();
			}
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			// as the stock database opens it, with the id lists matched by IdListMatch
			MVStore store = getMvStore();
			String namespace = getFullCollectionNamespace(collectionName);
			MVMap<Object, Document> data = store.openMap("databases." + namespace);
			MVMap<String, Object> meta = store.openMap("meta." + namespace);
			return new H2Collection(this, collectionName, options, data, meta, this.cursorRegistry) {
				@Override
				protected boolean documentMatchesQuery(Document document, Document query) {
					Boolean matched = IdListMatch.matches(document, query, getIdField());
					return (matched != null) ? matched : super.documentMatchesQuery(document, query);
				}
			};
		}

		@Override
		protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			MVStore store = getMvStore();
			String mapName = getFullCollectionNamespace(collectionName) + INDEX_INFIX + indexName;
			MVMap<KeyValue, Object> map = store.openMap(mapName,
					new MVMap.Builder<KeyValue, Object>().keyType(new OrderedKeys()));
			if (!this.opened && !map.isEmpty() && !Boolean.TRUE.equals(store.openMap(BUILT).get(mapName))) {
				// a build that did not finish: the server fills an empty index again
				map.clear();
			}
			return new UniqueIndex(map, indexName, keys, sparse);
		}

		@Override
		protected void dropIndex(MongoCollection<Object> collection, String indexName) {
			// also called for each index of a dropped collection
			super.dropIndex(collection, indexName);
			String mapName = getFullCollectionNamespace(collection.getCollectionName()) + INDEX_INFIX + indexName;
			getMvStore().removeMap(mapName);
			getMvStore().openMap(BUILT).remove(mapName);
		}

	}

	/**
	 * Index keys ordered value by value: values of different classes by class name;
	 * strings, object ids, numbers, dates and UUIDs by their natural order (consistent
	 * with {@code equals} for these classes); any other value (a document, a list) by
	 * hash code, then, for two different values of the same hash, as the stock
	 * {@link ObjectDataType} orders them. Serialised exactly as the stock type.
	 */
	static final class OrderedKeys extends ObjectDataType {

		private static final Set<Class<?>> NATURAL = Set.of(String.class, ObjectId.class, Integer.class, Long.class,
				Double.class, Boolean.class, java.util.Date.class, java.time.Instant.class, java.util.UUID.class);

		@Override
		public int compare(Object a, Object b) {
			if (a == b) {
				return 0;
			}
			if (a instanceof KeyValue left && b instanceof KeyValue right) {
				int size = Math.min(left.size(), right.size());
				for (int i = 0; i < size; i++) {
					int order = compareValues(left.get(i), right.get(i));
					if (order != 0) {
						return order;
					}
				}
				return Integer.compare(left.size(), right.size());
			}
			return super.compare(a, b);
		}

		@SuppressWarnings({ "unchecked", "rawtypes" })
		private int compareValues(Object a, Object b) {
			if (a == b) {
				return 0;
			}
			if (a == null || b == null) {
				return (a == null) ? -1 : 1;
			}
			Class<?> type = a.getClass();
			if (type != b.getClass()) {
				return type.getName().compareTo(b.getClass().getName());
			}
			if (NATURAL.contains(type)) {
				return ((Comparable) a).compareTo(b);
			}
			if (a.equals(b)) {
				return 0;
			}
			int byHash = Integer.compare(a.hashCode(), b.hashCode());
			return (byHash != 0) ? byHash : super.compare(a, b);
		}

	}

	/** The stock H2 unique index, over a hash-ordered map. */
	private static final class UniqueIndex extends AbstractUniqueIndex<Object> {

		private final MVMap<KeyValue, Object> map;

		UniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
			super(name, keys, sparse);
			this.map = map;
		}

		@Override
		protected Object removeDocument(KeyValue key) {
			return this.map.remove(key);
		}

		@Override
		protected boolean putKeyPosition(KeyValue key, Object position) {
			return this.map.putIfAbsent(key, Missing.ofNullable(position)) == null;
		}

		@Override
		protected Iterable<Entry<KeyValue, Object>> getIterable() {
			return this.map.entrySet();
		}

		@Override
		protected Object getPosition(KeyValue key) {
			return this.map.get(key);
		}

		@Override
		public long getCount() {
			return this.map.sizeAsLong();
		}

		@Override
		public boolean isEmpty() {
			return this.map.isEmpty();
		}

		@Override
		public long getDataSize() {
			return getCount();
		}

	}

}
