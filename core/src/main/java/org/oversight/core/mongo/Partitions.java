package org.oversight.core.mongo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Collections whose documents fall into parts named by their {@code _id}
 * ("{@code part:key}"), each part with a write epoch of its own beside the collection's:
 * a result read from one part is kept while another part is written. {@code lookup_lists}
 * is one: a talk recorded adds to a subject's list of talks, and leaves the lists of
 * children and posts an overview was read from as they were.
 * <p>
 * A write counts the collection, and each part its statements name by {@code _id}; a
 * statement whose part cannot be told counts the collection's unknown part ({@code ?}),
 * which every read of a part depends on too. A read of named parts depends on those and
 * the unknown part; any other read of the collection on the whole collection.
 */
final class Partitions {

	static final Set<String> PARTITIONED = Set.of("lookup_lists");

	static final String UNKNOWN = "?";

	private Partitions() {
	}

	/** The epochs a write command to the collection counts. */
	static List<String> written(String collection, String command, BsonDocument body) {
		if (!PARTITIONED.contains(collection)) {
			return List.of(collection);
		}
		Set<String> parts = new LinkedHashSet<>();
		switch (command) {
			case "insert" -> statements(body, "documents").forEach((d) -> parts.addAll(parts(d.get("_id"))));
			case "update", "delete" -> statements(body, (command.equals("update") ? "updates" : "deletes"))
				.forEach((statement) -> parts.addAll(parts(filterId(statement.get("q")))));
			case "findAndModify", "findandmodify" -> parts.addAll(parts(filterId(body.get("query"))));
			default -> parts.add(UNKNOWN);
		}
		List<String> names = new ArrayList<>();
		names.add(collection);
		parts.forEach((part) -> names.add(collection + ":" + part));
		return names;
	}

	/** The epochs a read command of the collection depends on. */
	static List<String> read(String collection, String command, BsonDocument body) {
		if (!PARTITIONED.contains(collection) || !command.equals("find")) {
			return List.of(collection);
		}
		Set<String> parts = parts(filterId(body.get("filter")));
		if (parts.contains(UNKNOWN)) {
			return List.of(collection);
		}
		List<String> names = new ArrayList<>();
		parts.forEach((part) -> names.add(collection + ":" + part));
		names.add(collection + ":" + UNKNOWN);
		return names;
	}

	private static List<BsonDocument> statements(BsonDocument body, String field) {
		List<BsonDocument> statements = new ArrayList<>();
		BsonValue value = body.get(field);
		if (value == null || !value.isArray()) {
			statements.add(new BsonDocument());
			return statements;
		}
		for (BsonValue statement : value.asArray()) {
			statements.add(statement.isDocument() ? statement.asDocument() : new BsonDocument());
		}
		return statements;
	}

	/** The {@code _id} condition of a filter, or null. */
	private static BsonValue filterId(BsonValue filter) {
		return (filter != null && filter.isDocument()) ? filter.asDocument().get("_id") : null;
	}

	/**
	 * The parts an {@code _id} (or an {@code _id} condition: a value, or {@code $in} of
	 * values) names; {@link #UNKNOWN} when any cannot be told.
	 */
	private static Set<String> parts(BsonValue id) {
		Set<String> parts = new LinkedHashSet<>();
		if (id != null && id.isDocument() && id.asDocument().size() == 1 && id.asDocument().containsKey("$in")
				&& id.asDocument().get("$in").isArray()) {
			for (BsonValue value : id.asDocument().getArray("$in")) {
				parts.add(part(value));
			}
		}
		else {
			parts.add(part(id));
		}
		return parts;
	}

	private static String part(BsonValue id) {
		if (id == null || !id.isString()) {
			return UNKNOWN;
		}
		int colon = id.asString().getValue().indexOf(':');
		return (colon > 0) ? id.asString().getValue().substring(0, colon) : UNKNOWN;
	}

}
