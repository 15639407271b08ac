package org.oversight.api.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import org.dataloader.BatchLoaderEnvironment;

import org.springframework.stereotype.Component;

import org.oversight.core.common.Memo;

/**
 * Gives every query operation a {@link Memo} of its own, kept in its GraphQL context: the
 * batch loaders of one query read each post, team and cadre once, whichever field and
 * depth asks for it. It goes with the request and is never shared; what it holds is raw
 * records, the caller's scope is applied where each is shown, as without it.
 * <p>
 * Mutations and subscriptions get none (each read gets a fresh memo): a mutation reads
 * after it writes, and a subscription's fields are resolved for as long as it lives.
 */
@Component
public class QueryMemos extends SimplePerformantInstrumentation {

	private static final String KEY = Memo.class.getName();

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext execution = parameters.getExecutionContext();
		if (execution.getOperationDefinition().getOperation() == OperationDefinition.Operation.QUERY) {
			execution.getGraphQLContext().put(KEY, new Memo());
		}
		return super.beginExecuteOperation(parameters, state);
	}

	/** The query's memo, or a fresh one outside a query. */
	public static Memo of(GraphQLContext context) {
		Memo memo = context.get(KEY);
		return (memo != null) ? memo : new Memo();
	}

	/** The memo of the query a batch is loaded for, or a fresh one. */
	public static Memo of(BatchLoaderEnvironment env) {
		return (env.getContext() instanceof GraphQLContext context) ? of(context) : new Memo();
	}

}
