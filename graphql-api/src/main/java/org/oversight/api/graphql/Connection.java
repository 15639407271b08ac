package org.oversight.api.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.oversight.core.common.Page;

/**
 * A Relay connection. {@code totalCount} runs its count query only when a client asks for
 * it.
 */
public final class Connection<T> {

	private final java.util.function.Supplier<Page<T>> source;

	private final LongSupplier total;

	private Page<T> page;

	private Long totalCount;

	private CountKey countKey;

	public Connection(Page<T> page, LongSupplier total) {
		this.page = page;
		this.source = () -> page;
		this.total = total;
	}

	/**
	 * A connection whose page is read only when a client asks for its edges or page info
	 * (a list of rows each asking only for a count reads no pages).
	 */
	public static <T> Connection<T> lazy(java.util.function.Supplier<Page<T>> page, LongSupplier total) {
		return new Connection<>(page, total);
	}

	private Connection(java.util.function.Supplier<Page<T>> source, LongSupplier total) {
		this.source = source;
		this.total = total;
	}

	private synchronized Page<T> page() {
		if (this.page == null) {
			this.page = this.source.get();
		}
		return this.page;
	}

	public List<Edge<T>> getEdges() {
		Page<T> current = page();
		List<Edge<T>> list = new ArrayList<>(current.items().size());
		for (int i = 0; i < current.items().size(); i++) {
			list.add(new Edge<>(current.cursors().get(i), current.items().get(i)));
		}
		return list;
	}

	public PageInfo getPageInfo() {
		Page<T> current = page();
		return new PageInfo(current.hasNextPage(), current.endCursor());
	}

	public synchronized int getTotalCount() {
		if (this.totalCount == null) {
			this.totalCount = this.total.getAsLong();
		}
		return this.totalCount.intValue();
	}

	/**
	 * A count that can be batched with those of sibling connections (one aggregation for
	 * all the organizations of a list) instead of one count per row.
	 * @param collection the collection counted
	 * @param filter the conditions other than the organization, as JSON (equal filters
	 * batch together)
	 * @param organizationField {@code organizationId}-like for direct records,
	 * {@code orgPath} for a whole subtree
	 * @param organizationId the organization of this connection
	 */
	/**
	 * What a batched count counts: records of {@code collection} (of {@code type})
	 * matching {@code filter} whose {@code organizationField} holds
	 * {@code organizationId}. {@code tally}, when set, gives the same count from the
	 * subtree tallies (the filter is one they hold, the organization's whole subtree is
	 * in the caller's scope, nothing recused). The filter is mapped to the database's
	 * terms only where the tallies do not answer.
	 */
	public record CountKey(String collection, Class<?> type,
			org.springframework.data.mongodb.core.query.Criteria filter, String organizationField,
			String organizationId, org.oversight.core.tally.TallyFilter tally) {
	}

	public Connection<T> batchedCount(CountKey key) {
		this.countKey = key;
		return this;
	}

	public CountKey countKey() {
		return this.countKey;
	}

	public static <T> Connection<T> empty() {
		return new Connection<>(Page.empty(), () -> 0);
	}

	public static <S, T> Connection<T> of(Page<S> page, Function<S, T> mapper, LongSupplier total) {
		return new Connection<>(page.map(mapper), total);
	}

	public record Edge<T>(String cursor, T node) {
	}

	public record PageInfo(boolean hasNextPage, String endCursor) {
	}

}
