package org.oversight.core.common;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list in its order, each item with the cursor that resumes after it.
 *
 * @param items the items of the page
 * @param cursors one opaque cursor per item
 * @param hasNextPage whether more items follow
 */
public record Page<T>(List<T> items, List<String> cursors, boolean hasNextPage) {

	public static <T> Page<T> empty() {
		return new Page<>(List.of(), List.of(), false);
	}

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(this.items.stream().map(mapper).toList(), this.cursors, this.hasNextPage);
	}

	public String endCursor() {
		return this.cursors.isEmpty() ? null : this.cursors.get(this.cursors.size() - 1);
	}

}
