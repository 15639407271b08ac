package org.oversight.api.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.oversight.core.common.DomainException;
import org.oversight.core.common.Keyset;
import org.oversight.core.common.Page;
import org.oversight.core.common.PageRequest;

/** Pages a list already computed in memory (bounded lists such as coverage results). */
public final class ListPages {

	private ListPages() {
	}

	public static <T> Connection<T> page(List<T> all, PageRequest request, Function<T, String> key) {
		Page<T> page = slice(all, request, key);
		return new Connection<>(page, all::size);
	}

	/**
	 * A page of a list of keys (ids, in the list's order) whose nodes are read only for
	 * the page, and only when a client asks for its edges: the total is the keys'. Keys
	 * without a node are left out of the page.
	 */
	public static <T> Connection<T> pageOfKeys(List<String> keys, PageRequest request,
			Function<List<String>, Map<String, T>> nodes) {
		Page<String> page = slice(keys, request, Function.identity());
		return Connection.lazy(() -> {
			Map<String, T> byKey = nodes.apply(page.items());
			List<T> items = new ArrayList<>(page.items().size());
			List<String> cursors = new ArrayList<>(page.items().size());
			for (int i = 0; i < page.items().size(); i++) {
				T node = byKey.get(page.items().get(i));
				if (node != null) {
					items.add(node);
					cursors.add(page.cursors().get(i));
				}
			}
			return new Page<>(List.copyOf(items), List.copyOf(cursors), page.hasNextPage());
		}, keys::size);
	}

	private static <T> Page<T> slice(List<T> all, PageRequest request, Function<T, String> key) {
		int from = 0;
		if (request.after() != null) {
			List<Object> cursor = Keyset.decode(request.after());
			if (cursor.size() != 1) {
				throw DomainException.invalid("after", "is not a cursor of this list");
			}
			String last = String.valueOf(cursor.get(0));
			from = -1;
			for (int i = 0; i < all.size(); i++) {
				if (key.apply(all.get(i)).equals(last)) {
					from = i + 1;
					break;
				}
			}
			if (from < 0) {
				throw DomainException.invalid("after", "is not a cursor of this list");
			}
		}
		int to = Math.min(all.size(), from + request.first());
		List<T> items = all.subList(from, to);
		List<String> cursors = items.stream().map((item) -> Keyset.encode(List.of(key.apply(item)))).toList();
		return new Page<>(List.copyOf(items), cursors, to < all.size());
	}

}
