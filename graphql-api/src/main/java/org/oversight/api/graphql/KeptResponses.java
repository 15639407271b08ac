package org.oversight.api.graphql;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

import org.oversight.api.viewer.Viewer;
import org.oversight.api.viewer.Viewers;
import org.oversight.core.common.OversightProperties;
import org.oversight.core.common.Today;
import org.oversight.core.mongo.WriteEpochs;

/**
 * Whole answers to queries asked again, kept by this process until a collection they were
 * read from is written, in any process ({@link WriteEpochs}), and for the configured
 * lifetime at most.
 * <p>
 * An answer is kept for the same document, operation, variables, viewer and day. Its
 * stamp is read before it is computed (every shared epoch: one read), and the commands
 * sent while it is computed tell which collections it was read from, results kept by the
 * services ({@code KeptResults}) included; a later request is answered from it while none
 * of those collections was written since. Only answers without errors, computed on the
 * request's thread by reads alone, are kept; mutations and subscriptions never are.
 * {@code oversight.kept-results} (how many answers) and
 * {@code oversight.kept-results-lifetime} set it; 0 keeps none.
 */
@Component
public class KeptResponses implements WebGraphQlInterceptor {

	/** The reads of the request being computed, in its GraphQL context. */
	static final String READS = KeptResponses.class.getName() + ".reads";

	private final WriteEpochs epochs;

	private final Viewers viewers;

	private final Today today;

	private final int capacity;

	private final long lifetimeNanos;

	private final Map<Key, Kept> kept;

	private final io.micrometer.core.instrument.Counter answeredKept;

	private final io.micrometer.core.instrument.Counter computedAndKept;

	private final io.micrometer.core.instrument.Counter computedNotKept;

	KeptResponses(WriteEpochs epochs, Viewers viewers, Today today, OversightProperties properties,
			org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
		io.micrometer.core.instrument.MeterRegistry registry = meters
			.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new);
		this.answeredKept = outcome(registry, "kept");
		this.computedAndKept = outcome(registry, "computed");
		this.computedNotKept = outcome(registry, "not-kept");
		io.micrometer.core.instrument.Gauge.builder("oversight.kept.answers.size", this, KeptResponses::size)
			.description("Whole answers kept by this process")
			.register(registry);
		this.epochs = epochs;
		this.viewers = viewers;
		this.today = today;
		this.capacity = properties.keptResults();
		this.lifetimeNanos = properties.keptResultsLifetime().toNanos();
		this.kept = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
				return size() > KeptResponses.this.capacity;
			}

		});
	}

	private static io.micrometer.core.instrument.Counter outcome(io.micrometer.core.instrument.MeterRegistry registry,
			String outcome) {
		return io.micrometer.core.instrument.Counter.builder("oversight.kept.answers")
			.description("Queries that could be kept: answered from a kept answer (kept), computed and kept "
					+ "(computed), computed and not kept (not-kept)")
			.tag("outcome", outcome)
			.register(registry);
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (this.capacity <= 0 || request instanceof WebSocketGraphQlRequest || !onlyQueries(request.getDocument())) {
			return chain.next(request);
		}
		Key key = new Key(request.getDocument(), request.getOperationName(), request.getVariables(),
				this.viewers.current(), this.today.date());
		WriteEpochs.Stamp stamp = this.epochs.stampAll();
		long now = System.nanoTime();
		Kept found = this.kept.get(key);
		if (found != null && found.stamp().sameFor(stamp, found.collections())
				&& now - found.at() < this.lifetimeNanos) {
			this.answeredKept.increment();
			return Mono.just(new WebGraphQlResponse(
					new DefaultExecutionGraphQlResponse(request.toExecutionInput(), found.result())));
		}
		return Mono.defer(() -> {
			WriteEpochs.Reads reads = this.epochs.track(stamp);
			try {
				request.configureExecutionInput(
						(input, builder) -> builder.graphQLContext((context) -> context.put(READS, reads)).build());
				return chain.next(request).doOnNext((response) -> {
					if (reads.complete() && response.isValid() && response.getErrors().isEmpty()) {
						// as old as the oldest kept result it was computed from
						long at = Math.min(now, reads.keptSince());
						this.kept.put(key, new Kept(response.getExecutionResult(), stamp, reads.collections(), at));
						this.computedAndKept.increment();
					}
					else {
						this.computedNotKept.increment();
					}
				}).doFinally((signal) -> reads.close());
			}
			catch (RuntimeException ex) {
				reads.close();
				throw ex;
			}
		});
	}

	/**
	 * Marks the request's reads as not all seen when a field is fetched on another thread
	 * than the one its reads are tracked on.
	 */
	static void fetchedOn(GraphQLContext context) {
		WriteEpochs.Reads reads = context.get(READS);
		if (reads != null && !reads.onItsThread()) {
			reads.unseen();
		}
	}

	/**
	 * The answer being computed depends on more than the stored data, its key and day:
	 * the moment (when a lock ends), or the request itself (a signed link to this host,
	 * valid for minutes). It is not kept.
	 */
	public static void notKept(GraphQLContext context) {
		WriteEpochs.Reads reads = context.get(READS);
		if (reads != null) {
			reads.unseen();
		}
	}

	/**
	 * A document without the words that start a mutation or a subscription can only hold
	 * queries (anything else is kept from nothing: a query merely naming them is computed
	 * every time).
	 */
	static boolean onlyQueries(String document) {
		return !document.contains("mutation") && !document.contains("subscription");
	}

	/** How many answers are kept now. */
	public int size() {
		return this.kept.size();
	}

	private record Key(String document, String operationName, Map<String, Object> variables, Viewer viewer,
			LocalDate day) {
	}

	private record Kept(ExecutionResult result, WriteEpochs.Stamp stamp, Set<String> collections, long at) {
	}

}
