package org.oversight.core.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import org.oversight.core.common.OversightProperties;

/**
 * Reads the documents whose field holds one of many values, the cheapest way for the
 * database in use. A real MongoDB serves {@code $in} from the field's index: queries of
 * 1,000 values each. The embedded server (mongo-java-server) has no secondary index and
 * matches {@code $in} by comparing each document of the collection with each value of the
 * list, so a query of n values costs n scans' worth of comparisons; above
 * {@value #EMBEDDED_LIMIT} values it is cheaper to read the collection once and keep the
 * matching documents here. For bulk work (imports) where thousands of keys are looked up
 * at once.
 */
@Component
public class InQueries {

	static final int EMBEDDED_LIMIT = 200;

	static final int BATCH = 1000;

	/** The field {@link #updateWhere} marks documents with on the embedded server. */
	static final String MARK = "_mark";

	private final MongoTemplate mongo;

	private final boolean embedded;

	private final int limit;

	private final int batch;

	/**
	 * Ids as stored, for queries on plain documents: hexadecimal object ids become
	 * ObjectIds (as Spring Data stores an entity's String id), others stay strings.
	 */
	public static List<Object> storedIds(java.util.Collection<String> ids) {
		return ids.stream().map((id) -> ObjectId.isValid(id) ? (Object) new ObjectId(id) : id).toList();
	}

	@Autowired
	InQueries(MongoTemplate mongo, OversightProperties properties) {
		this(mongo, properties.embedded(), EMBEDDED_LIMIT, BATCH);
	}

	InQueries(MongoTemplate mongo, boolean embedded, int limit, int batch) {
		this.mongo = mongo;
		this.embedded = embedded;
		this.limit = limit;
		this.batch = batch;
	}

	/**
	 * The documents matching {@code criteria} whose {@code field} is one of the values
	 * (or, for an array field, holds one of them).
	 * @param type the stored type
	 * @param criteria further conditions, or null
	 * @param field the field's name in the database
	 * @param values the values wanted (nulls ignored)
	 * @param value the field's value read from a document of the type, for the matching
	 * done here: one value or a collection of them
	 */
	public <T> List<T> find(Class<T> type, @Nullable Criteria criteria, String field, Collection<?> values,
			Function<T, Object> value) {
		Set<Object> wanted = new HashSet<>(values);
		wanted.remove(null);
		List<T> found = new ArrayList<>();
		if (wanted.isEmpty()) {
			return found;
		}
		if (this.embedded && wanted.size() > this.limit) {
			Query all = (criteria != null) ? Query.query(criteria) : new Query();
			try (var stream = this.mongo.stream(all, type)) {
				stream.filter((document) -> matches(value.apply(document), wanted)).forEach(found::add);
			}
			return found;
		}
		List<Object> list = List.copyOf(wanted);
		if (list.size() <= this.batch) {
			found.addAll(this.mongo.find(inQuery(criteria, field, list), type));
			return found;
		}
		// a document whose array holds values of two chunks comes back twice: once is
		// kept
		var entity = this.mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
		Map<Object, T> byId = new LinkedHashMap<>();
		for (int i = 0; i < list.size(); i += this.batch) {
			for (T document : this.mongo
				.find(inQuery(criteria, field, list.subList(i, Math.min(list.size(), i + this.batch))), type)) {
				byId.putIfAbsent(entity.getIdentifierAccessor(document).getRequiredIdentifier(), document);
			}
		}
		found.addAll(byId.values());
		return found;
	}

	/**
	 * Applies {@code update} to the documents with these ids that still meet
	 * {@code condition}, atomically per document; answers how many it changed. A real
	 * MongoDB serves {@code _id $in} with a condition from the id index, in queries of
	 * 1,000 ids. The embedded server serves a filter from its id index only when
	 * {@code _id} is all it holds, and otherwise compares every document with every id of
	 * the list; there the ids are first marked (one write by {@code _id} each, in one
	 * bulk command), then one conditional update of the marked documents clears its mark,
	 * and one more clears the marks of the documents the condition left alone.
	 */
	public long updateWhere(Class<?> type, Collection<String> ids, Criteria condition, Update update) {
		List<String> list = List.copyOf(new LinkedHashSet<>(ids));
		if (list.isEmpty()) {
			return 0;
		}
		if (!this.embedded) {
			long changed = 0;
			for (int i = 0; i < list.size(); i += this.batch) {
				List<String> chunk = list.subList(i, Math.min(list.size(), i + this.batch));
				changed += this.mongo
					.updateMulti(Query.query(new Criteria().andOperator(Criteria.where("_id").in(chunk), condition)),
							update, type)
					.getModifiedCount();
			}
			return changed;
		}
		String mark = new ObjectId().toHexString();
		BulkOperations marking = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
		list.forEach(
				(id) -> marking.updateOne(Query.query(Criteria.where("_id").is(id)), new Update().set(MARK, mark)));
		marking.execute();
		long changed = this.mongo
			.updateMulti(Query.query(new Criteria().andOperator(Criteria.where(MARK).is(mark), condition)),
					update.unset(MARK), type)
			.getModifiedCount();
		if (changed < list.size()) {
			this.mongo.updateMulti(Query.query(Criteria.where(MARK).is(mark)), new Update().unset(MARK), type);
		}
		return changed;
	}

	/**
	 * The documents with these ids, by {@code _id $in} queries of 1,000 ids: served by
	 * the id index everywhere (the embedded server's check of what its index found is
	 * {@link IdListMatch}; before, it compared each document with the whole list, and
	 * reads went 100 ids at a time).
	 */
	public <T> List<T> byIds(Class<T> type, Collection<String> ids) {
		List<Object> list = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
		list.remove(null);
		List<T> found = new ArrayList<>();
		for (int i = 0; i < list.size(); i += this.batch) {
			found.addAll(this.mongo.find(inQuery(null, "_id", list.subList(i, Math.min(list.size(), i + this.batch))),
					type));
		}
		return found;
	}

	private static Query inQuery(@Nullable Criteria criteria, String field, List<Object> values) {
		Criteria in = Criteria.where(field).in(values);
		return Query.query((criteria != null) ? new Criteria().andOperator(criteria, in) : in);
	}

	private static boolean matches(Object value, Set<Object> wanted) {
		if (value instanceof Collection<?> many) {
			for (Object one : many) {
				if (wanted.contains(one)) {
					return true;
				}
			}
			return false;
		}
		return value != null && wanted.contains(value);
	}

}
