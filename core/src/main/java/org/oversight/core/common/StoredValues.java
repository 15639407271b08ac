package org.oversight.core.common;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Values of a stored document as the entities hold them, for the hand-written readers of
 * the entities every dashboard request reads by the hundred ({@code AppointmentReader},
 * {@code OrganizationReader}): the same values Spring Data's mapping gives, without its
 * per-property reflection.
 */
public final class StoredValues {

	private StoredValues() {
	}

	/** The document's {@code _id} as the entities' string ids: an object id in hex. */
	public static String id(Document document) {
		Object id = document.get("_id");
		if (id instanceof ObjectId objectId) {
			return objectId.toHexString();
		}
		return (id != null) ? id.toString() : null;
	}

	/** A list of strings, or null when absent. */
	@SuppressWarnings("unchecked")
	public static List<String> strings(Document document, String key) {
		Object value = document.get(key);
		return (value instanceof List<?> list) ? (List<String>) list : null;
	}

	/** An enum constant stored by name, or null when absent. */
	public static <E extends Enum<E>> E constant(Document document, String key, Class<E> type) {
		Object value = document.get(key);
		return (value != null) ? Enum.valueOf(type, value.toString()) : null;
	}

	/** An instant stored as a date, or null when absent. */
	public static Instant instant(Document document, String key) {
		Object value = document.get(key);
		if (value instanceof Date date) {
			return date.toInstant();
		}
		return (value instanceof Instant instant) ? instant : null;
	}

	/** The stamp of the document, or null when absent. */
	public static Stamp stamp(Document document) {
		Object value = document.get("stamp");
		if (!(value instanceof Document stamp)) {
			return null;
		}
		return new Stamp(instant(stamp, "createdAt"), stamp.getString("createdBy"), instant(stamp, "updatedAt"),
				stamp.getString("updatedBy"));
	}

}
