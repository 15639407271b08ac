package org.oversight.api.graphql;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.core.ResolvableType;
import org.springframework.graphql.data.GraphQlArgumentBinder;
import org.springframework.validation.BindException;

/**
 * Input-object arguments of a field asked on every row of a list, bound once per request.
 * The rows' fields share one selection of the query document, so they share its arguments
 * and the request's variables; binding a filter for every row through {@code @Argument}
 * took about a tenth of the overview's CPU. Bound as {@code @Argument} binds it (a
 * {@link BindException} names the field that does not bind).
 */
public final class RowArguments {

	private static final String KEY = RowArguments.class.getName();

	private static final GraphQlArgumentBinder BINDER = new GraphQlArgumentBinder();

	private RowArguments() {
	}

	/** The argument {@code name} of the field being fetched, as a {@code type}. */
	public static <T> T bound(DataFetchingEnvironment environment, String name, Class<T> type) throws BindException {
		Map<List<Object>, Optional<Object>> bound = environment.getGraphQlContext()
			.computeIfAbsent(KEY, (key) -> new ConcurrentHashMap<>());
		// the selection's node of the query document: one object for all the rows
		List<Object> key = List.of(environment.getField(), name);
		Optional<Object> value = bound.get(key);
		if (value == null) {
			value = Optional.ofNullable(BINDER.bind(environment, name, ResolvableType.forClass(type)));
			bound.put(key, value);
		}
		return type.cast(value.orElse(null));
	}

}
