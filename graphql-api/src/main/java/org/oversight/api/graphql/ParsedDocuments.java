package org.oversight.api.graphql;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Query documents parsed and validated once, then reused for every request with the same
 * text. Dashboards send the same few documents over and over (only the variables change),
 * and parsing and validating one took about a fifth of the overview's CPU.
 * <p>
 * Only documents that parsed and validated are kept, so an invalid one is reported in the
 * caller's locale each time. The depth and complexity limits are checked for each request
 * when its operation starts (they depend on the variables), not here. At most
 * {@code capacity} documents are kept; beyond, one is dropped for each new one.
 */
final class ParsedDocuments implements PreparsedDocumentProvider {

	private final Map<String, PreparsedDocumentEntry> documents = new ConcurrentHashMap<>();

	private final int capacity;

	ParsedDocuments(int capacity) {
		this.capacity = capacity;
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String query = input.getQuery();
		PreparsedDocumentEntry known = this.documents.get(query);
		if (known != null) {
			return CompletableFuture.completedFuture(known);
		}
		PreparsedDocumentEntry entry = parseAndValidate.apply(input);
		if (!entry.hasErrors()) {
			if (this.documents.size() >= this.capacity) {
				Iterator<String> any = this.documents.keySet().iterator();
				if (any.hasNext()) {
					this.documents.remove(any.next());
				}
			}
			this.documents.put(query, entry);
		}
		return CompletableFuture.completedFuture(entry);
	}

	int size() {
		return this.documents.size();
	}

}
