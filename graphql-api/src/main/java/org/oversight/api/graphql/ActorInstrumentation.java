package org.oversight.api.graphql;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

import org.springframework.stereotype.Component;

import org.oversight.api.viewer.Viewer;
import org.oversight.api.viewer.Viewers;
import org.oversight.core.common.Actor;

/**
 * Runs every data fetcher as the signed-in account, so stored changes record who made
 * them ({@link Actor}), and stops fetching once a request has run longer than the
 * configured timeout ({@code oversight.graphql.timeout}).
 */
@Component
class ActorInstrumentation extends SimplePerformantInstrumentation {

	static final String DEADLINE = ActorInstrumentation.class.getName() + ".deadline";

	private final ApiProperties properties;

	ActorInstrumentation(ApiProperties properties) {
		this.properties = properties;
	}

	@Override
	public graphql.ExecutionInput instrumentExecutionInput(graphql.ExecutionInput input,
			graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		input.getGraphQLContext().put(DEADLINE, System.nanoTime() + this.properties.timeout().toNanos());
		return input;
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		if (parameters.isTrivialDataFetcher()) {
			return dataFetcher;
		}
		return (environment) -> {
			Long deadline = environment.getGraphQlContext().get(DEADLINE);
			if (deadline != null && System.nanoTime() > deadline) {
				throw new RequestTimedOut(this.properties.timeout());
			}
			KeptResponses.fetchedOn(environment.getGraphQlContext());
			Viewer viewer = Viewers.from(environment.getGraphQlContext());
			return Actor.as(viewer.username(), () -> {
				try {
					return dataFetcher.get(environment);
				}
				catch (RuntimeException ex) {
					throw ex;
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
		};
	}

	/** A request ran past its time limit; the fields not yet fetched are not fetched. */
	static final class RequestTimedOut extends RuntimeException {

		RequestTimedOut(java.time.Duration limit) {
			super("The request ran longer than " + limit.toSeconds() + " s and was stopped");
		}

	}

}
