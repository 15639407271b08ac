package org.oversight.core.lookup;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * A lookup list: the records of {@code collection} matching {@code match}, listed under
 * the key {@code key} gives (an aggregation expression), once per element of
 * {@code unwind} when that names an array field.
 *
 * @param name the list's name, e.g. {@code children}
 * @param collection the collection listed
 * @param match which records are listed ({@code {}} for all)
 * @param unwind an array field listed once per element (e.g. {@code orgPath}), or null
 * @param key the key of a record, e.g. {@code "$parentId"}
 */
public record LookupSource(String name, String collection, Document match, @Nullable String unwind, Object key) {

	/** Every record of the collection, listed by the value of one field. */
	public static LookupSource byField(String name, String collection, String field) {
		return new LookupSource(name, collection, new Document(), null, "$" + field);
	}

}
