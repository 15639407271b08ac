package org.oversight.core.tally;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.BulkWriteOptions;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import org.oversight.core.common.OrgPathCollection;
import org.oversight.core.common.OversightProperties;

/**
 * Counts per organization subtree, one document per organization in {@value #COLLECTION}:
 * {@code {_id: organizationId, rev, tasks: {key: n}, findings: {key: n}}}. A feature
 * reports each change of a counted record ({@link #changed}): the counts of every
 * organization on the old path go down by one under the old key, those on the new path up
 * under the new key, with one unordered bulk write of {@code $inc}s by {@code _id} (index
 * lookups on every MongoDB, the embedded server included).
 * <p>
 * The counts are derived data. A process dying between a record's write and its
 * {@code $inc}s leaves them off by one until {@link #rebuild()} (nightly, after a move,
 * on demand) recomputes them: it reads the stored documents with their {@code rev} first,
 * then counts the records, and writes only the documents that differ, each conditional on
 * the {@code rev} read, so a change counted concurrently is never overwritten (its
 * document is left for the next rebuild). Readers use the counts only once a rebuild has
 * completed ({@value #BUILT} present with the current {@link #SCHEMA}); before that they
 * count the records themselves.
 */
@Service
public class SubtreeTallies {

	public static final String COLLECTION = "subtree_tallies";

	/** The id of the marker written when a rebuild completed. */
	static final String BUILT = "~built";

	/**
	 * The layout of keys; a change of any source's key makes readers wait for a rebuild.
	 */
	static final int SCHEMA = 2;

	private static final Logger logger = LoggerFactory.getLogger(SubtreeTallies.class);

	private final MongoTemplate mongo;

	private final Map<String, TallySource> sources = new LinkedHashMap<>();

	/**
	 * Counts summed before, with the revision of the document and the rebuild they were
	 * summed from; the least recently used go first.
	 */
	private final Map<SumKey, Sum> sums;

	SubtreeTallies(MongoTemplate mongo, List<TallySource> sources, OversightProperties properties) {
		this.mongo = mongo;
		sources.forEach((source) -> this.sources.put(source.name(), source));
		int capacity = properties.tallySums();
		this.sums = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<SumKey, Sum> eldest) {
				return size() > capacity;
			}
		});
	}

	private record SumKey(String organizationId, TallyFilter filter) {
	}

	private record Sum(long rev, @Nullable Object generation, long value) {
	}

	/** A record as counted: the path of its organization and its key. */
	public record Counted(List<String> path, String key) {

		public Counted {
			path = List.copyOf(path);
			Objects.requireNonNull(key, "key");
		}

	}

	/** One record moved from {@code before} to {@code after}; null: not counted. */
	public record Change(@Nullable Counted before, @Nullable Counted after) {
	}

	/**
	 * Moves one record of {@code source} from {@code before} to {@code after} (null: not
	 * counted before, as for a new record, or no longer counted).
	 */
	public void changed(String source, @Nullable Counted before, @Nullable Counted after) {
		changedAll(source, List.of(new Change(before, after)));
	}

	/**
	 * Moves many records of {@code source} at once: their increments summed per
	 * organization, one unordered bulk write by {@code _id}.
	 */
	public void changedAll(String source, Collection<Change> changes) {
		source(source);
		Map<String, Map<String, Integer>> deltas = new LinkedHashMap<>();
		for (Change change : changes) {
			if (Objects.equals(change.before(), change.after())) {
				continue;
			}
			count(deltas, change.before(), -1);
			count(deltas, change.after(), 1);
		}
		List<WriteModel<Document>> writes = new ArrayList<>();
		deltas.forEach((org, byKey) -> {
			Document inc = new Document("rev", 1L);
			byKey.forEach((key, delta) -> {
				if (delta != 0) {
					inc.append(source + "." + path(key), delta);
				}
			});
			if (inc.size() > 1) {
				writes.add(new UpdateOneModel<>(Filters.eq("_id", org), new Document("$inc", inc),
						new UpdateOptions().upsert(true)));
			}
		});
		if (!writes.isEmpty()) {
			collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
		}
	}

	private static void count(Map<String, Map<String, Integer>> deltas, @Nullable Counted counted, int delta) {
		if (counted != null) {
			counted.path()
				.forEach((org) -> deltas.computeIfAbsent(org, (k) -> new LinkedHashMap<>())
					.merge(counted.key(), delta, Integer::sum));
		}
	}

	/**
	 * The counts of {@code source} by key for each organization asked (absent keys are
	 * zero), or empty when no rebuild has completed yet. One read by ids.
	 */
	public Optional<Map<String, Map<String, Long>>> read(String source, Collection<String> organizationIds) {
		return read(source, organizationIds, null);
	}

	/**
	 * As {@link #read(String, Collection)}, reading only the keys whose first part
	 * (before the first {@code |}) is one of {@code parts} (all when null): a document
	 * stores its counts nested by that part, so the others are not even sent.
	 */
	public Optional<Map<String, Map<String, Long>>> read(String source, Collection<String> organizationIds,
			@Nullable Collection<String> parts) {
		source(source);
		List<Object> ids = new ArrayList<>(new LinkedHashSet<>(organizationIds));
		ids.add(BUILT);
		Map<String, Map<String, Long>> result = new LinkedHashMap<>();
		organizationIds.forEach((id) -> result.put(id, new LinkedHashMap<>()));
		Document projection = counts(new Document("schema", 1), source, parts);
		boolean built = false;
		for (Document document : collection().find(Filters.in("_id", ids)).projection(projection)) {
			Object id = document.get("_id");
			if (BUILT.equals(id)) {
				built = Objects.equals(document.get("schema"), SCHEMA);
				continue;
			}
			result.get(String.valueOf(id)).putAll(flat(document.get(source, Document.class)));
		}
		return built ? Optional.of(result) : Optional.empty();
	}

	/**
	 * How many records of each organization's subtree the filter matches, or empty when
	 * no rebuild has completed yet.
	 */
	public Optional<Map<String, Long>> count(TallyFilter filter, Collection<String> organizationIds) {
		return sums(filter.source(), organizationIds, List.of(filter)).map((sums) -> {
			Map<String, Long> result = new LinkedHashMap<>();
			sums.forEach((org, byFilter) -> result.put(org, byFilter.get(filter)));
			return result;
		});
	}

	/**
	 * What each filter (all of {@code source}) adds up over each organization's subtree,
	 * or empty when no rebuild has completed yet.
	 * <p>
	 * Counts summed before by this process are kept with the revision ({@code rev}) of
	 * the document they were summed from and the time of the rebuild it belonged to. A
	 * read of the documents' revisions comes first; a count is taken from memory only
	 * when both are unchanged, which means the document is too (every change of a count
	 * increments {@code rev} in the same write). So the answer is what is stored when the
	 * read is made, in this process or any other, and the counts of a province's children
	 * (thousands of keys each) are read and added up once per change, not once per
	 * request.
	 */
	public Optional<Map<String, Map<TallyFilter, Long>>> sums(String source, Collection<String> organizationIds,
			Collection<? extends TallyFilter> filters) {
		source(source);
		List<Object> ids = new ArrayList<>(new LinkedHashSet<>(organizationIds));
		ids.add(BUILT);
		Map<String, Long> revisions = new HashMap<>();
		Object generation = null;
		boolean built = false;
		for (Document document : collection().find(Filters.in("_id", ids))
			.projection(new Document("rev", 1).append("schema", 1).append("builtAt", 1))) {
			Object id = document.get("_id");
			if (BUILT.equals(id)) {
				built = Objects.equals(document.get("schema"), SCHEMA);
				generation = document.get("builtAt");
				continue;
			}
			revisions.put(String.valueOf(id), revision(document));
		}
		if (!built) {
			return Optional.empty();
		}
		Map<String, Map<TallyFilter, Long>> result = new LinkedHashMap<>();
		Set<String> missing = new LinkedHashSet<>();
		for (String org : organizationIds) {
			Map<TallyFilter, Long> byFilter = result.computeIfAbsent(org, (k) -> new LinkedHashMap<>());
			for (TallyFilter filter : filters) {
				Long revision = revisions.get(org);
				Sum known = (revision != null) ? this.sums.get(new SumKey(org, filter)) : null;
				if (revision == null) {
					// no document: nothing counted in that subtree
					byFilter.put(filter, 0L);
				}
				else if (known != null && known.rev() == revision && Objects.equals(known.generation(), generation)) {
					byFilter.put(filter, known.value());
				}
				else {
					missing.add(org);
				}
			}
		}
		if (!missing.isEmpty()) {
			Document projection = counts(new Document("rev", 1), source, parts(filters));
			missing.forEach((org) -> filters.forEach((filter) -> result.get(org).put(filter, 0L)));
			for (Document document : collection().find(Filters.in("_id", new ArrayList<>(missing)))
				.projection(projection)) {
				String org = String.valueOf(document.get("_id"));
				Map<String, Long> counts = flat(document.get(source, Document.class));
				long revision = revision(document);
				for (TallyFilter filter : filters) {
					long value = sum(counts, filter);
					result.get(org).put(filter, value);
					if (revision >= 0) {
						this.sums.put(new SumKey(org, filter), new Sum(revision, generation, value));
					}
				}
			}
		}
		return Optional.of(result);
	}

	/** The projection of a source's counts: the parts asked, or all when null. */
	private static Document counts(Document projection, String source, @Nullable Collection<String> parts) {
		if (parts == null) {
			projection.append(source, 1);
		}
		else {
			parts.forEach((part) -> projection.append(source + "." + part, 1));
		}
		return projection;
	}

	private static long revision(Document document) {
		return (document.get("rev") instanceof Number n) ? n.longValue() : -1;
	}

	/** The key parts any of the filters needs; null when one needs them all. */
	private static @Nullable Collection<String> parts(Collection<? extends TallyFilter> filters) {
		Set<String> parts = new java.util.TreeSet<>();
		for (TallyFilter filter : filters) {
			Collection<String> needed = filter.parts();
			if (needed == null) {
				return null;
			}
			parts.addAll(needed);
		}
		return parts;
	}

	/** What the filter adds up of one organization's counts by key. */
	public static long sum(Map<String, Long> byKey, TallyFilter filter) {
		java.util.function.Predicate<String> matcher = filter.matcher();
		long sum = 0;
		for (Map.Entry<String, Long> entry : byKey.entrySet()) {
			if (matcher.test(entry.getKey())) {
				sum += entry.getValue();
			}
		}
		return sum;
	}

	/** Whether a rebuild has completed with the current layout. */
	public boolean built() {
		Document marker = collection().find(Filters.eq("_id", BUILT)).first();
		return marker != null && Objects.equals(marker.get("schema"), SCHEMA);
	}

	/** What a rebuild found and wrote. */
	public record Rebuild(int organizations, int corrected, int skipped, long millis) {
	}

	/**
	 * Recounts every source and writes the documents that differ (see the class comment
	 * for why this never overwrites a concurrent change). Safe to run in several
	 * processes at once.
	 */
	public Rebuild rebuild() {
		long started = System.nanoTime();
		// documents of another layout are rewritten whatever their counts
		boolean upgrade = !built();
		Map<String, Document> stored = new HashMap<>();
		for (Document document : collection().find(Filters.ne("_id", BUILT))) {
			stored.put(String.valueOf(document.get("_id")), document);
		}
		Map<String, Map<String, Map<String, Long>>> truth = new HashMap<>();
		for (TallySource source : this.sources.values()) {
			List<Document> pipeline = List.of(
					new Document("$project",
							new Document("_k", source.keyExpression()).append(OrgPathCollection.FIELD, 1)),
					new Document("$unwind", "$" + OrgPathCollection.FIELD),
					new Document("$group",
							new Document("_id", new Document("o", "$" + OrgPathCollection.FIELD).append("k", "$_k"))
								.append("n", new Document("$sum", 1))));
			for (Document row : this.mongo.getCollection(source.collection()).aggregate(pipeline)) {
				Document id = row.get("_id", Document.class);
				truth.computeIfAbsent(String.valueOf(id.get("o")), (k) -> new HashMap<>())
					.computeIfAbsent(source.name(), (k) -> new HashMap<>())
					.put(String.valueOf(id.get("k")), ((Number) row.get("n")).longValue());
			}
		}
		Set<String> organizations = new LinkedHashSet<>(stored.keySet());
		organizations.addAll(truth.keySet());
		List<Document> inserts = new ArrayList<>();
		int corrected = 0;
		int skipped = 0;
		for (String org : organizations) {
			Map<String, Map<String, Long>> counts = truth.getOrDefault(org, Map.of());
			Document existing = stored.get(org);
			if (existing == null) {
				Document document = new Document("_id", org).append("rev", 0L);
				this.sources.keySet().forEach((name) -> document.append(name, asDocument(counts.get(name))));
				inserts.add(document);
				continue;
			}
			Document set = new Document();
			for (String name : this.sources.keySet()) {
				Map<String, Long> want = counts.getOrDefault(name, Map.of());
				if (upgrade || !want.equals(flat(existing.get(name, Document.class)))) {
					set.append(name, asDocument(want));
				}
			}
			if (set.isEmpty()) {
				continue;
			}
			var result = collection().updateOne(
					Filters.and(Filters.eq("_id", org), Filters.eq("rev", existing.get("rev"))),
					new Document("$set", set).append("$inc", new Document("rev", 1L)));
			if (result.getModifiedCount() == 1) {
				corrected++;
			}
			else {
				skipped++;
			}
		}
		if (!inserts.isEmpty()) {
			try {
				collection().insertMany(inserts, new InsertManyOptions().ordered(false));
				corrected += inserts.size();
			}
			catch (MongoBulkWriteException ex) {
				long duplicates = ex.getWriteErrors()
					.stream()
					.filter((error) -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)
					.count();
				if (duplicates != ex.getWriteErrors().size()) {
					throw ex;
				}
				corrected += inserts.size() - (int) duplicates;
				skipped += (int) duplicates;
			}
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		collection().updateOne(Filters.eq("_id", BUILT),
				new Document("$set",
						new Document("schema", SCHEMA).append("builtAt", Instant.now())
							.append("organizations", organizations.size())
							.append("corrected", corrected)
							.append("millis", millis)),
				new UpdateOptions().upsert(true));
		if (corrected > 0 || skipped > 0) {
			logger.info("Subtree tallies rebuilt in {} ms: {} of {} organizations corrected, {} left to the next run",
					millis, corrected, organizations.size(), skipped);
		}
		return new Rebuild(organizations.size(), corrected, skipped, millis);
	}

	/**
	 * The field path of a key: its first part, then the rest ({@code A|B|C} →
	 * {@code A.B|C}).
	 */
	private static String path(String key) {
		int bar = key.indexOf('|');
		return (bar < 0) ? key : key.substring(0, bar) + "." + key.substring(bar + 1);
	}

	/** The non-zero counts of a stored (nested) document by key. */
	private static Map<String, Long> flat(@Nullable Document counts) {
		Map<String, Long> result = new HashMap<>();
		if (counts != null) {
			counts.forEach((part, value) -> {
				if (value instanceof Document nested) {
					nested.forEach((rest, n) -> {
						long count = ((Number) n).longValue();
						if (count != 0) {
							result.put(part + "|" + rest, count);
						}
					});
				}
				else if (value instanceof Number n && n.longValue() != 0) {
					result.put(part, n.longValue());
				}
			});
		}
		return result;
	}

	/** Counts by key as a stored document, nested by the keys' first part. */
	private static Document asDocument(@Nullable Map<String, Long> counts) {
		Document document = new Document();
		if (counts != null) {
			counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach((entry) -> {
				String key = entry.getKey();
				int bar = key.indexOf('|');
				if (bar < 0) {
					document.append(key, entry.getValue());
				}
				else {
					document.computeIfAbsent(key.substring(0, bar), (k) -> new Document());
					document.get(key.substring(0, bar), Document.class)
						.append(key.substring(bar + 1), entry.getValue());
				}
			});
		}
		return document;
	}

	private TallySource source(String name) {
		TallySource source = this.sources.get(name);
		if (source == null) {
			throw new IllegalArgumentException("No tally source " + name + "; known: " + this.sources.keySet());
		}
		return source;
	}

	private MongoCollection<Document> collection() {
		return this.mongo.getCollection(COLLECTION);
	}

}
