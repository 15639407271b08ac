package org.oversight.api.graphql;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

import org.oversight.core.common.DomainException;

/**
 * Maps failures to the contract's classifications. Domain errors keep their message
 * (which names the input field); anything unexpected is logged with an id that the error
 * carries, and no internal detail reaches the client.
 */
@Component
class ErrorClassifications extends DataFetcherExceptionResolverAdapter {

	private static final Logger logger = LoggerFactory.getLogger(ErrorClassifications.class);

	enum Custom implements graphql.ErrorClassification {

		CONFLICT

	}

	@Override
	protected List<GraphQLError> resolveToMultipleErrors(Throwable ex, DataFetchingEnvironment env) {
		Throwable cause = (ex instanceof java.util.concurrent.CompletionException && ex.getCause() != null)
				? ex.getCause() : ex;
		GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError(env);
		if (cause instanceof DomainException.Invalid invalid) {
			return List.of(error.errorType(ErrorType.BAD_REQUEST)
				.message(invalid.getMessage())
				.extensions(Map.of("field", invalid.field()))
				.build());
		}
		if (cause instanceof DomainException.NotFound notFound) {
			return List.of(error.errorType(ErrorType.NOT_FOUND)
				.message(notFound.getMessage())
				.extensions(Map.of("field", String.valueOf(notFound.field())))
				.build());
		}
		if (cause instanceof DomainException.Conflict conflict) {
			return List.of(error.errorType(Custom.CONFLICT).message(conflict.getMessage()).build());
		}
		if (cause instanceof DomainException.Forbidden) {
			return List.of(error.errorType(ErrorType.FORBIDDEN).message(cause.getMessage()).build());
		}
		if (cause instanceof ActorInstrumentation.RequestTimedOut) {
			return List.of(error.errorType(ErrorType.BAD_REQUEST).message(cause.getMessage()).build());
		}
		if (cause instanceof org.springframework.dao.OptimisticLockingFailureException) {
			return List.of(error.errorType(Custom.CONFLICT).message("Changed meanwhile; read it again").build());
		}
		String id = UUID.randomUUID().toString();
		logger.error("Unexpected failure {} in {}", id, env.getExecutionStepInfo().getPath(), cause);
		return List.of(error.errorType(ErrorType.INTERNAL_ERROR)
			.message("Internal error; reference " + id)
			.extensions(Map.of("errorId", id))
			.build());
	}

}
