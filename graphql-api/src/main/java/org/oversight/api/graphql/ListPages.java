package org.oversight.api.graphql;

import java.util.List;
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
		return new Connection<>(new Page<>(List.copyOf(items), cursors, to < all.size()), all::size);
	}

}
