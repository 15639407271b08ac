package org.oversight.api.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import org.oversight.api.viewer.Viewer;
import org.oversight.api.viewer.Viewers;

/**
 * Writes every mutation request to the audit log after it ran: who, which operations, the
 * arguments (passwords and informants masked) and the outcome.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class MutationAudit implements WebGraphQlInterceptor {

	private static final Pattern SECRET_LITERAL = Pattern
		.compile("((?:password|oldPassword|newPassword|informant)\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

	private static final List<String> SECRETS = List.of("password", "oldPassword", "newPassword", "informant");

	private final AuditLog audit;

	private final Viewers viewers;

	MutationAudit(AuditLog audit, Viewers viewers) {
		this.audit = audit;
		this.viewers = viewers;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		List<String> mutations = mutationFields(request.getDocument(), request.getOperationName());
		if (mutations.isEmpty()) {
			return chain.next(request);
		}
		return chain.next(request).doOnNext((response) -> {
			Viewer viewer = this.viewers.current();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("document", SECRET_LITERAL.matcher(request.getDocument()).replaceAll("$1\"***\""));
			details.put("variables", mask(request.getVariables()));
			String outcome = response.getErrors().isEmpty() ? "ok"
					: response.getErrors()
						.stream()
						.map((e) -> String.valueOf(e.getErrorType()))
						.distinct()
						.reduce((a, b) -> a + "," + b)
						.orElse("error");
			Object data = response.getData();
			if (data != null) {
				details.put("result", data.toString().length() > 2000 ? data.toString().substring(0, 2000) : data);
			}
			this.audit.mutation(viewer.username(), String.join(",", mutations), details, outcome);
		});
	}

	static List<String> mutationFields(String document, String operationName) {
		if (!document.contains("mutation")) {
			// no mutation without the keyword: queries are not parsed a second time
			return List.of();
		}
		try {
			Document parsed = Parser.parse(document);
			return parsed.getDefinitionsOfType(OperationDefinition.class)
				.stream()
				.filter((op) -> op.getOperation() == OperationDefinition.Operation.MUTATION)
				.filter((op) -> operationName == null || operationName.equals(op.getName()))
				.flatMap((op) -> op.getSelectionSet().getSelectionsOfType(Field.class).stream())
				.map(Field::getName)
				.toList();
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}

	@SuppressWarnings("unchecked")
	static Object mask(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> masked = new LinkedHashMap<>();
			map.forEach((k, v) -> masked.put(String.valueOf(k), SECRETS.contains(String.valueOf(k)) ? "***" : mask(v)));
			return masked;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(MutationAudit::mask).toList();
		}
		return value;
	}

}
