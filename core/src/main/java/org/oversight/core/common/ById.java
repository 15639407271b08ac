package org.oversight.core.common;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * The records a batch of commands refers to, read at once and looked up by id: a missing
 * one is the same NOT_FOUND, naming the command's field, that a read by id would give.
 *
 * @param <T> the record's type
 */
public final class ById<T> {

	private final String type;

	private final Map<String, T> byId = new HashMap<>();

	private ById(String type, Collection<T> records, Function<T, String> id) {
		this.type = type;
		records.forEach((record) -> this.byId.put(id.apply(record), record));
	}

	/**
	 * @param type the record's name in errors ("Cadre")
	 */
	public static <T> ById<T> of(String type, Collection<T> records, Function<T, String> id) {
		return new ById<>(type, records, id);
	}

	/** The ids worth reading: the valid ones, each once. */
	public static Set<String> valid(Collection<String> ids) {
		Set<String> valid = new LinkedHashSet<>();
		for (String id : ids) {
			if (id != null && ObjectId.isValid(id)) {
				valid.add(id);
			}
		}
		return valid;
	}

	/** The record, or NOT_FOUND on {@code field}. */
	public T get(String field, @Nullable String id) {
		T found = (id != null) ? this.byId.get(id) : null;
		if (found == null) {
			throw DomainException.notFound(field, this.type, id);
		}
		return found;
	}

	/**
	 * Every record of {@code ids}, or NOT_FOUND on {@code field} for the first missing.
	 */
	public void requireAll(String field, Collection<String> ids) {
		ids.forEach((id) -> get(field, id));
	}

}
