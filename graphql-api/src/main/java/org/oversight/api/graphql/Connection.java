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

	private final List<Edge<T>> edges;

	private final PageInfo pageInfo;

	private final LongSupplier total;

	private Long totalCount;

	public Connection(Page<T> page, LongSupplier total) {
		List<Edge<T>> list = new ArrayList<>(page.items().size());
		for (int i = 0; i < page.items().size(); i++) {
			list.add(new Edge<>(page.cursors().get(i), page.items().get(i)));
		}
		this.edges = list;
		this.pageInfo = new PageInfo(page.hasNextPage(), page.endCursor());
		this.total = total;
	}

	public static <T> Connection<T> empty() {
		return new Connection<>(Page.empty(), () -> 0);
	}

	public static <S, T> Connection<T> of(Page<S> page, Function<S, T> mapper, LongSupplier total) {
		return new Connection<>(page.map(mapper), total);
	}

	public List<Edge<T>> getEdges() {
		return this.edges;
	}

	public PageInfo getPageInfo() {
		return this.pageInfo;
	}

	public synchronized int getTotalCount() {
		if (this.totalCount == null) {
			this.totalCount = this.total.getAsLong();
		}
		return this.totalCount.intValue();
	}

	public record Edge<T>(String cursor, T node) {
	}

	public record PageInfo(boolean hasNextPage, String endCursor) {
	}

}
