package org.oversight.core.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Bulk commands done in batches of a bounded size, their results in the same order. */
public final class Batches {

	private Batches() {
	}

	/**
	 * The results of {@code batch} applied to consecutive slices of at most {@code size}
	 * commands, in order.
	 */
	public static <C, R> List<R> of(List<C> commands, int size, Function<List<C>, List<R>> batch) {
		List<R> results = new ArrayList<>(commands.size());
		for (int i = 0; i < commands.size(); i += size) {
			results.addAll(batch.apply(commands.subList(i, Math.min(commands.size(), i + size))));
		}
		return results;
	}

}
