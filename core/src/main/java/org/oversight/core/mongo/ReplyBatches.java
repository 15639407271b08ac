package org.oversight.core.mongo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.InMemoryCursor;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.CursorNotFoundException;

/**
 * The embedded server's replies cut into batches of at most {@value #MAX_BATCH_BYTES}
 * bytes, as MongoDB cuts them.
 * <p>
 * The embedded server answers a {@code find} or {@code aggregate} without a batch size
 * with every document in its first batch, and the driver refuses a reply over the 48 MB
 * the server announces as its largest message: the annual reports' read of the posts is
 * 26 MB at the size of a province, so a province twice that size could not be reported
 * on. A batch over the limit keeps the documents that fit; the others, followed by what
 * the server's own cursor still held, wait in a cursor under the same id (a new one when
 * the server had none) that the next {@code getMore} takes from, in batches of the size
 * it asks for and never over the limit. A single document over the limit goes alone. The
 * documents waiting are copies, as they were read; a cursor not asked for more for ten
 * minutes is closed. A client asking for a single batch, and a tailing cursor, get the
 * server's reply as it is.
 */
final class ReplyBatches {

	/** MongoDB's own limit for a batch. */
	static final int MAX_BATCH_BYTES = 16 * 1024 * 1024;

	/** How long a cursor of ours waits to be asked for more: MongoDB's default. */
	static final Duration IDLE = Duration.ofMinutes(10);

	private final CursorRegistry cursors;

	private final int maxBytes;

	private final Duration idle;

	/** The cursors of ours still holding documents. */
	private final Map<Long, CappedCursor> open = new ConcurrentHashMap<>();

	ReplyBatches(CursorRegistry cursors) {
		this(cursors, MAX_BATCH_BYTES, IDLE);
	}

	ReplyBatches(CursorRegistry cursors, int maxBytes, Duration idle) {
		this.cursors = cursors;
		this.maxBytes = maxBytes;
		this.idle = idle;
	}

	/**
	 * The server's reply to the command, its batch cut to the limit. A {@code getMore} of
	 * a cursor of ours is answered as it is: its batches are cut already.
	 */
	Document handle(String command, Document query, Supplier<Document> server) {
		long asked = 0;
		if ("getMore".equals(command) && query.get(command) instanceof Number id) {
			if (ours(id.longValue())) {
				return server.get();
			}
			asked = id.longValue();
		}
		if (Boolean.TRUE.equals(query.get("singleBatch"))) {
			// the client takes one batch and closes the cursor
			return server.get();
		}
		return cap(server.get(), asked);
	}

	private boolean ours(long id) {
		try {
			return this.cursors.getCursor(id) instanceof CappedCursor;
		}
		catch (CursorNotFoundException ex) {
			return false;
		}
	}

	/**
	 * The response, its batch cut to the limit (changed in place); the rest waits under
	 * the server's cursor id, the one the client asked more of ({@code asked}) when the
	 * server has just closed it, or a new one.
	 */
	Document cap(Document response, long asked) {
		if (response == null || !(response.get("cursor") instanceof Document cursor)) {
			return response;
		}
		String key = cursor.containsKey("firstBatch") ? "firstBatch" : "nextBatch";
		if (!(cursor.get(key) instanceof List<?> batch) || batch.size() < 2) {
			return response;
		}
		long id = ((Number) cursor.get("id")).longValue();
		if (id != 0 && !finite(id)) {
			return response;
		}
		int fitting = fitting(batch, 0, Integer.MAX_VALUE, this.maxBytes);
		if (fitting == batch.size()) {
			return response;
		}
		List<Object> rest = new ArrayList<>(batch.size() - fitting);
		for (Object document : batch.subList(fitting, batch.size())) {
			rest.add(copy(document));
		}
		if (id != 0) {
			for (Object document : remaining(id)) {
				rest.add(copy(document));
			}
		}
		else {
			id = (asked != 0) ? asked : this.cursors.generateCursorId();
		}
		expireIdle();
		CappedCursor capped = new CappedCursor(id, rest, this.maxBytes);
		this.open.put(id, capped);
		this.cursors.add(capped);
		cursor.put(key, new ArrayList<>(batch.subList(0, fitting)));
		cursor.put("id", id);
		return response;
	}

	/**
	 * Whether the server's cursor holds a known list of documents, which can be taken
	 * over; a tailing cursor (of the oplog, for change streams) is left as it is.
	 */
	private boolean finite(long id) {
		try {
			Cursor cursor = this.cursors.getCursor(id);
			return cursor instanceof InMemoryCursor || cursor instanceof CappedCursor;
		}
		catch (CursorNotFoundException ex) {
			return false;
		}
	}

	/** Takes everything the server's cursor still holds, and retires it. */
	private List<Object> remaining(long id) {
		Cursor cursor;
		try {
			cursor = this.cursors.getCursor(id);
		}
		catch (CursorNotFoundException ex) {
			return List.of();
		}
		this.cursors.remove(id);
		this.open.remove(id);
		if (cursor instanceof CappedCursor capped) {
			return capped.documents.subList(capped.next, capped.documents.size());
		}
		return cursor.isEmpty() ? List.of() : new ArrayList<>(cursor.takeDocuments(Integer.MAX_VALUE));
	}

	/**
	 * A copy of a document to wait in a cursor: the memory backend's results are its
	 * stored documents, which a write changes in place, and the documents of one read are
	 * as they were when it was read (MongoDB sorts copies too). The first level is
	 * enough: a write puts new values into the stored document ({@code cloneInto}, after
	 * applying the update to a deep copy) and never changes the values it held.
	 */
	private static Object copy(Object document) {
		return (document instanceof Document stored) ? new Document(stored) : document;
	}

	/**
	 * Closes cursors of ours not asked for more for ten minutes ({@link #IDLE}), as
	 * MongoDB does: a client that stops reading and never closes its cursor (a crash)
	 * would otherwise leave the rest of its read in memory for good.
	 */
	private void expireIdle() {
		long now = System.nanoTime();
		for (CappedCursor cursor : this.open.values()) {
			if (now - cursor.lastUsed >= this.idle.toNanos()) {
				this.open.remove(cursor.id, cursor);
				this.cursors.remove(cursor.id);
			}
		}
	}

	/**
	 * How many of the documents from {@code from} fit in a batch of {@code maxBytes} (at
	 * least one, at most {@code count}).
	 */
	static int fitting(List<?> documents, int from, int count, int maxBytes) {
		long bytes = 0;
		int end = (int) Math.min(documents.size(), (long) from + count);
		for (int i = from; i < end; i++) {
			bytes += 2 + digits(i - from) + size(documents.get(i));
			if (bytes > maxBytes && i > from) {
				return i - from;
			}
		}
		return end - from;
	}

	/**
	 * At least the BSON size of a value (of a document: all of it): exact but for the
	 * strings, counted at three bytes a character.
	 */
	static long size(Object value) {
		// the commonest first, and final classes before interfaces (a cheaper test)
		if (value instanceof String text) {
			return 5 + utf8Bound(text);
		}
		if (value instanceof Document document) {
			return documentSize(document);
		}
		if (value instanceof Integer) {
			return 4;
		}
		if (value instanceof Long || value instanceof Double || value instanceof Instant) {
			return 8;
		}
		if (value instanceof ObjectId) {
			return 12;
		}
		if (value == null) {
			return 0;
		}
		if (value instanceof Boolean) {
			return 1;
		}
		if (value instanceof List<?> list) {
			long bytes = 5;
			for (int i = 0; i < list.size(); i++) {
				bytes += 2 + digits(i) + size(list.get(i));
			}
			return bytes;
		}
		if (value instanceof Map<?, ?> map) {
			return documentSize(map);
		}
		if (value instanceof Collection<?> collection) {
			// the server writes any collection (a set from $setUnion too) as an array
			long bytes = 5;
			int i = 0;
			for (Object element : collection) {
				bytes += 2 + digits(i++) + size(element);
			}
			return bytes;
		}
		if (value instanceof Decimal128) {
			return 16;
		}
		if (value instanceof Number || value instanceof Date) {
			return 8;
		}
		if (value instanceof BinData data) {
			return 5 + data.getData().length;
		}
		if (value instanceof UUID || value instanceof LegacyUUID) {
			return 21;
		}
		if (value instanceof BsonJavaScript script) {
			return 5 + utf8Bound(script.getCode());
		}
		if (value instanceof BsonRegularExpression regex) {
			return 2 + utf8Bound(regex.getPattern()) + utf8Bound(regex.getOptions());
		}
		return 16;
	}

	private static long documentSize(Map<?, ?> document) {
		long bytes = 5;
		for (Map.Entry<?, ?> entry : document.entrySet()) {
			Object key = entry.getKey();
			bytes += 2 + utf8Bound((key instanceof String name) ? name : String.valueOf(key)) + size(entry.getValue());
		}
		return bytes;
	}

	private static int digits(int index) {
		if (index < 10) {
			return 1;
		}
		int digits = 2;
		for (int bound = 100; index >= bound && digits < 10; bound *= 10) {
			digits++;
		}
		return digits;
	}

	/**
	 * At most the UTF-8 length of the text: three bytes a character, UTF-8's most for a
	 * UTF-16 character (a surrogate pair is four bytes for two). Counting exactly took a
	 * tenth of the store's CPU during the reports' reads.
	 */
	private static long utf8Bound(String text) {
		return 3L * text.length();
	}

	/**
	 * The documents left of a reply cut to the limit. A {@code getMore} asking for
	 * {@code n} gets at most {@code n} (all, with none asked), and never more than the
	 * limit.
	 */
	final class CappedCursor implements Cursor {

		private final long id;

		private final List<Object> documents;

		private final int maxBytes;

		private int next;

		private volatile long lastUsed = System.nanoTime();

		CappedCursor(long id, List<Object> documents, int maxBytes) {
			this.id = id;
			this.documents = documents;
			this.maxBytes = maxBytes;
		}

		@Override
		public long getId() {
			return this.id;
		}

		@Override
		public boolean isEmpty() {
			return this.next >= this.documents.size();
		}

		@Override
		@SuppressWarnings("unchecked")
		public List<Document> takeDocuments(int numberToReturn) {
			int count = fitting(this.documents, this.next, (numberToReturn > 0) ? numberToReturn : Integer.MAX_VALUE,
					this.maxBytes);
			List<Document> batch = (List<Document>) (List<?>) new ArrayList<>(
					this.documents.subList(this.next, this.next + count));
			this.next += count;
			this.lastUsed = System.nanoTime();
			if (isEmpty()) {
				ReplyBatches.this.open.remove(this.id, this);
			}
			return batch;
		}

	}

}
