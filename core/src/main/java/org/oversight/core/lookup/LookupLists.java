package org.oversight.core.lookup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.oversight.core.mongo.WriteEpochs;
import org.springframework.stereotype.Service;

/**
 * The lookup lists, one document per (list, key) in {@value #COLLECTION}: {@code {_id:
 * "children:<parentId>", ids: [...]}}.
 * <p>
 * A list is a hint that is never missing an id: a writer adds a record's id under its key
 * <em>before</em> it writes the record, and removes it from an old key only
 * <em>after</em> the record left it. A process dying in between leaves an id too many,
 * never one too few; readers load the records by id and keep those that still match, so
 * an extra id costs a little reading and changes no answer. Records written around the
 * services (a restore, a bulk load) are added by {@link #rebuild}, which only adds (so it
 * cannot race a writer into losing an id). Readers use a list only once it was built
 * ({@code ~built:<list>} present); before that they query the records.
 */
@Service
public class LookupLists {

	public static final String COLLECTION = "lookup_lists";

	/** Up to this many keys, lists are added to by upserts alone. */
	static final int FEW_KEYS = 1000;

	/**
	 * Keys per read of which lists exist (the embedded server compares each with all).
	 */
	private static final int ID_READS = 100;

	/** An organization's direct children, by {@code parentId}. */
	public static final LookupSource CHILDREN = LookupSource.byField("children", "organizations", "parentId");

	/** Every appointment in an organization, by {@code organizationId}. */
	public static final LookupSource ORGANIZATION_POSTS = LookupSource.byField("org-posts", "appointments",
			"organizationId");

	/** Every appointment of a cadre, by {@code cadreId}. */
	public static final LookupSource CADRE_POSTS = LookupSource.byField("cadre-posts", "appointments", "cadreId");

	/**
	 * Every talk with a cadre, by {@code subjectId|year|KIND} of its date and kind
	 * ({@link #subjectTalks}): readers judge the talks of some kinds in a year, and a
	 * principal's talks of every year and kind read for those were most of what coverage
	 * read at M. Talks are recorded, never changed.
	 */
	public static final LookupSource SUBJECT_TALKS = new LookupSource("subject-kind-talks", "talks", new Document(),
			null,
			new Document("$concat",
					List.of("$subjectId", "|",
							new Document("$dateToString", new Document("format", "%Y").append("date", "$date")), "|",
							"$kind")));

	private final List<LookupSource> all;

	/** The key of {@link #SUBJECT_TALKS} for a cadre's talks of a kind in a year. */
	public static String subjectTalks(String subjectId, int year, Object kind) {
		return subjectId + "|" + year + "|" + kind;
	}

	private static final Logger logger = LoggerFactory.getLogger(LookupLists.class);

	private final MongoTemplate mongo;

	private final WriteEpochs epochs;

	LookupLists(MongoTemplate mongo, ObjectProvider<LookupSource> featureLists, WriteEpochs epochs) {
		this.mongo = mongo;
		this.epochs = epochs;
		List<LookupSource> lists = new ArrayList<>(List.of(CHILDREN, ORGANIZATION_POSTS, CADRE_POSTS, SUBJECT_TALKS));
		featureLists.orderedStream().forEach(lists::add);
		this.all = List.copyOf(lists);
	}

	/** Lists {@code id} under {@code key}: call before the record is written. */
	public void add(LookupSource list, String key, String id) {
		addAll(list, Map.of(key, List.of(id)));
	}

	/**
	 * Lists many ids at once (one unordered bulk write): before the records are written.
	 * Beyond {@value #FEW_KEYS} keys, as in imports, the keys with no list yet are found
	 * first (reads of {@code _id} only) and their lists inserted, which costs the
	 * embedded server half of an upsert; a list inserted meanwhile by another writer is
	 * added to as the others are.
	 */
	public void addAll(LookupSource list, Map<String, ? extends Collection<String>> idsByKey) {
		Map<String, List<String>> byId = new LinkedHashMap<>();
		idsByKey.forEach((key, ids) -> {
			if (key != null && !ids.isEmpty()) {
				byId.put(id(list, key), List.copyOf(ids));
			}
		});
		if (byId.isEmpty()) {
			return;
		}
		List<Document> fresh = new ArrayList<>();
		if (byId.size() > FEW_KEYS) {
			Set<Object> stored = new HashSet<>();
			List<String> wanted = List.copyOf(byId.keySet());
			for (int i = 0; i < wanted.size(); i += ID_READS) {
				collection().find(Filters.in("_id", wanted.subList(i, Math.min(wanted.size(), i + ID_READS))))
					.projection(new Document("_id", 1))
					.forEach((doc) -> stored.add(doc.get("_id")));
			}
			byId.forEach((id, ids) -> {
				if (!stored.contains(id)) {
					fresh.add(new Document("_id", id).append("ids", List.copyOf(new LinkedHashSet<>(ids))));
				}
			});
			fresh.forEach((doc) -> byId.remove(doc.getString("_id")));
		}
		if (!fresh.isEmpty()) {
			try {
				collection().insertMany(fresh, new InsertManyOptions().ordered(false));
			}
			catch (MongoBulkWriteException ex) {
				for (BulkWriteError error : ex.getWriteErrors()) {
					if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
						throw ex;
					}
					Document doc = fresh.get(error.getIndex());
					byId.put(doc.getString("_id"), doc.getList("ids", String.class));
				}
			}
		}
		List<WriteModel<Document>> writes = new ArrayList<>();
		byId.forEach((id,
				ids) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", id),
						new Document("$addToSet", new Document("ids", new Document("$each", ids))),
						new UpdateOptions().upsert(true))));
		if (!writes.isEmpty()) {
			collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
		}
	}

	/** Unlists {@code id} from {@code key}: call after the record left the key. */
	public void remove(LookupSource list, String key, String id) {
		collection().updateOne(Filters.eq("_id", id(list, key)), new Document("$pull", new Document("ids", id)));
	}

	/**
	 * The ids listed under each key (possibly some too many: check the records), or empty
	 * when the list was not built yet. One read by ids.
	 */
	public Optional<Map<String, List<String>>> ids(LookupSource list, Collection<String> keys) {
		List<String> wanted = new ArrayList<>();
		new LinkedHashSet<>(keys).forEach((key) -> wanted.add(id(list, key)));
		wanted.add(builtId(list));
		Map<String, List<String>> result = new LinkedHashMap<>();
		keys.forEach((key) -> result.put(key, new ArrayList<>()));
		boolean built = false;
		int prefix = list.name().length() + 1;
		for (Document document : collection().find(Filters.in("_id", wanted))) {
			String id = document.getString("_id");
			if (id.equals(builtId(list))) {
				built = true;
				continue;
			}
			List<String> ids = document.getList("ids", String.class);
			if (ids != null) {
				result.get(id.substring(prefix)).addAll(ids);
			}
		}
		return built ? Optional.of(result) : Optional.empty();
	}

	/**
	 * Every id listed under any of the keys, or empty when the list was not built yet.
	 */
	public Optional<List<String>> union(LookupSource list, Collection<String> keys) {
		return ids(list, keys).map((byKey) -> {
			LinkedHashSet<String> all = new LinkedHashSet<>();
			byKey.values().forEach(all::addAll);
			return List.copyOf(all);
		});
	}

	/**
	 * Every id listed under any of the keys in any of the lists, read at once, or empty
	 * when one of the lists was not built yet. One read by ids.
	 */
	public Optional<List<String>> union(List<LookupSource> lists, Collection<String> keys) {
		List<String> wanted = new ArrayList<>();
		Set<String> markers = new HashSet<>();
		for (LookupSource list : lists) {
			new LinkedHashSet<>(keys).forEach((key) -> wanted.add(id(list, key)));
			wanted.add(builtId(list));
			markers.add(builtId(list));
		}
		LinkedHashSet<String> all = new LinkedHashSet<>();
		int built = 0;
		for (Document document : collection().find(Filters.in("_id", wanted))) {
			if (markers.contains(document.getString("_id"))) {
				built++;
				continue;
			}
			List<String> ids = document.getList("ids", String.class);
			if (ids != null) {
				all.addAll(ids);
			}
		}
		return (built == markers.size()) ? Optional.of(List.copyOf(all)) : Optional.empty();
	}

	public boolean built(LookupSource list) {
		return collection().find(Filters.eq("_id", builtId(list))).first() != null;
	}

	/**
	 * Adds every record of the collection to the list under its key (one aggregation,
	 * then {@code $addToSet}s in unordered bulk writes of 1,000), then marks the list
	 * built. Only adds: an id listed by a writer meanwhile stays. Counts as a write of
	 * every collection results are kept from ({@link WriteEpochs#writtenAll()}).
	 * @return how many keys were written
	 */
	public int rebuild(LookupSource list) {
		long started = System.nanoTime();
		List<Document> pipeline = new ArrayList<>();
		pipeline.add(new Document("$match", list.match()));
		if (list.unwind() != null) {
			pipeline.add(new Document("$unwind", "$" + list.unwind()));
		}
		pipeline.add(new Document("$project", new Document("_k", list.key())));
		pipeline.add(new Document("$match", new Document("_k", new Document("$ne", null))));
		pipeline.add(new Document("$group", new Document("_id", "$_k").append("ids", new Document("$push", "$_id"))));
		List<WriteModel<Document>> writes = new ArrayList<>();
		int keys = 0;
		for (Document row : this.mongo.getCollection(list.collection()).aggregate(pipeline)) {
			List<String> ids = row.getList("ids", Object.class).stream().map(String::valueOf).toList();
			writes.add(new UpdateOneModel<>(Filters.eq("_id", id(list, String.valueOf(row.get("_id")))),
					new Document("$addToSet", new Document("ids", new Document("$each", ids))),
					new UpdateOptions().upsert(true)));
			keys++;
			if (writes.size() == 1000) {
				collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
				writes.clear();
			}
		}
		if (!writes.isEmpty()) {
			collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
		}
		collection().updateOne(Filters.eq("_id", builtId(list)),
				new Document("$set", new Document("builtAt", Instant.now()).append("keys", keys)),
				new UpdateOptions().upsert(true));
		// a list that gained ids, or is read now instead of its records, may change a
		// result kept from before (lists otherwise change only with their records)
		this.epochs.writtenAll();
		logger.debug("Lookup list {} rebuilt: {} keys in {} ms", list.name(), keys,
				(System.nanoTime() - started) / 1_000_000);
		return keys;
	}

	/**
	 * Rebuilds the lists keyed by a path (whose keys change when an organization moves);
	 * returns the keys written.
	 */
	public int rebuildPathLists() {
		int keys = 0;
		for (LookupSource list : this.all) {
			if (list.unwind() != null) {
				keys += rebuild(list);
			}
		}
		return keys;
	}

	/** Rebuilds every list; returns the keys written. */
	public int rebuildAll() {
		int keys = 0;
		for (LookupSource list : this.all) {
			keys += rebuild(list);
		}
		return keys;
	}

	/** Whether every list was built. */
	public boolean allBuilt() {
		return this.all.stream().allMatch(this::built);
	}

	private static String id(LookupSource list, String key) {
		return list.name() + ":" + key;
	}

	private static String builtId(LookupSource list) {
		return "~built:" + list.name();
	}

	private MongoCollection<Document> collection() {
		return this.mongo.getCollection(COLLECTION);
	}

}
