package org.oversight.core.mongo;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * The embedded server's check of a document found through the id index for a query of the
 * form {@code {_id: {$in: [ids]}}}, done with a set of the ids.
 * <p>
 * The server serves such a query from its unique {@code _id} index, then matches every
 * document found against the whole query again, and its {@code $in} compares the
 * document's id with each id of the list: a read of n ids costs n² comparisons (a
 * county's coverage reads a few thousand talks by id: 40 % of its CPU went there). The
 * index already found exactly the documents whose id is in the list, so for plain ids
 * (strings, object ids) the answer is the same with a set; any other query is matched as
 * before.
 */
final class IdListMatch {

	/** The ids of the last query matched on this thread, by the query's identity. */
	private static final ThreadLocal<Map.Entry<Document, Set<Object>>> LAST = new ThreadLocal<>();

	private IdListMatch() {
	}

	/**
	 * Whether the document matches, or null when the query is not a list of plain ids
	 * (the caller matches it as the server does).
	 */
	static Boolean matches(Document document, Document query, String idField) {
		Set<Object> ids = ids(query, idField);
		if (ids == null) {
			return null;
		}
		Object id = document.get(idField);
		return plain(id) && ids.contains(id);
	}

	private static Set<Object> ids(Document query, String idField) {
		Map.Entry<Document, Set<Object>> last = LAST.get();
		if (last != null && last.getKey() == query) {
			return last.getValue();
		}
		Set<Object> ids = parse(query, idField);
		LAST.set((ids != null) ? Map.entry(query, ids) : null);
		return ids;
	}

	private static Set<Object> parse(Document query, String idField) {
		if (idField == null || query.size() != 1 || !(query.get(idField) instanceof Document condition)
				|| condition.size() != 1 || !(condition.get("$in") instanceof Collection<?> values)) {
			return null;
		}
		Set<Object> ids = new HashSet<>(values.size() * 2);
		for (Object value : values) {
			if (!plain(value)) {
				return null;
			}
			ids.add(value);
		}
		return ids;
	}

	/**
	 * The ids of a condition {@code {$in: [ids]}} whose ids are all strings or all object
	 * ids, without repeats and sorted by their natural order (the order the server's
	 * comparator gives them), or null for any other condition.
	 */
	static List<Object> sortedPlainIn(Object condition) {
		if (!(condition instanceof Document document) || document.size() != 1
				|| !(document.get("$in") instanceof Collection<?> values)) {
			return null;
		}
		Class<?> kind = null;
		for (Object value : values) {
			if (!plain(value) || (kind != null && value.getClass() != kind)) {
				return null;
			}
			kind = value.getClass();
		}
		@SuppressWarnings({ "unchecked", "rawtypes" })
		java.util.TreeSet<Object> sorted = new java.util.TreeSet<>((java.util.Collection) values);
		return new java.util.ArrayList<>(sorted);
	}

	private static boolean plain(Object value) {
		return value instanceof String || value instanceof ObjectId;
	}

}
