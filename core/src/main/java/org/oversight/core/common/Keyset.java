package org.oversight.core.common;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Keyset pagination over an order of stored fields (the last one unique, usually
 * {@code _id}): a page is one query, whatever its position, and stays stable while
 * records are added. Cursors are opaque: the sort values of the last item, encoded.
 */
public final class Keyset<T> {

	private final List<Sort.Order> orders;

	private final Function<T, List<Object>> values;

	public Keyset(List<Sort.Order> orders, Function<T, List<Object>> values) {
		this.orders = orders;
		this.values = values;
	}

	public Sort sort() {
		return Sort.by(this.orders);
	}

	/**
	 * Reads one page: the filter, the keyset condition after the cursor, the order, n + 1
	 * rows.
	 */
	public Page<T> page(MongoTemplate mongo, Criteria filter, PageRequest request, Class<T> type) {
		if (request.first() == 0) {
			return Page.empty();
		}
		Criteria criteria = filter;
		if (request.after() != null) {
			criteria = new Criteria().andOperator(filter, after(decode(request.after())));
		}
		Query query = Query.query(criteria).with(sort()).limit(request.first() + 1);
		List<T> rows = mongo.find(query, type);
		boolean more = rows.size() > request.first();
		List<T> items = more ? rows.subList(0, request.first()) : rows;
		List<String> cursors = items.stream().map((item) -> encode(this.values.apply(item))).toList();
		return new Page<>(List.copyOf(items), cursors, more);
	}

	/**
	 * (k1 > v1) or (k1 = v1 and k2 > v2) or ..., each comparison in its order's
	 * direction.
	 */
	Criteria after(List<Object> cursor) {
		if (cursor.size() != this.orders.size()) {
			throw DomainException.invalid("after", "is not a cursor of this list");
		}
		List<Criteria> alternatives = new ArrayList<>();
		for (int i = 0; i < this.orders.size(); i++) {
			List<Criteria> all = new ArrayList<>();
			for (int j = 0; j < i; j++) {
				all.add(Criteria.where(this.orders.get(j).getProperty()).is(cursor.get(j)));
			}
			Sort.Order order = this.orders.get(i);
			Criteria beyond = (order.getDirection() == Direction.ASC)
					? Criteria.where(order.getProperty()).gt(cursor.get(i))
					: Criteria.where(order.getProperty()).lt(cursor.get(i));
			all.add(beyond);
			alternatives.add(new Criteria().andOperator(all));
		}
		return new Criteria().orOperator(alternatives);
	}

	public static String encode(List<Object> values) {
		String json = new Document("k", values).toJson();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	@SuppressWarnings("unchecked")
	public static List<Object> decode(String cursor) {
		try {
			String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			Object values = Document.parse(json).get("k");
			if (!(values instanceof List<?>)) {
				throw new IllegalArgumentException("no key");
			}
			return (List<Object>) values;
		}
		catch (RuntimeException ex) {
			throw DomainException.invalid("after", "is not a valid cursor");
		}
	}

	/** A calendar day as stored: midnight UTC. */
	public static java.util.Date date(java.time.LocalDate day) {
		return (day != null) ? java.util.Date.from(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()) : null;
	}

	/** A stored calendar day (midnight UTC) back as a day; null when absent. */
	public static java.time.LocalDate day(Object stored) {
		if (stored instanceof java.util.Date date) {
			return java.time.LocalDate.ofInstant(date.toInstant(), java.time.ZoneOffset.UTC);
		}
		return (stored instanceof java.time.LocalDate day) ? day : null;
	}

}
