package org.oversight.api.security;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import org.oversight.api.viewer.Viewer;
import org.oversight.api.viewer.Viewers;

/**
 * Puts the signed-in {@link Viewer} into each request's GraphQL context. Over HTTP it
 * comes from the security filter chain; over WebSocket from the credentials in
 * {@code connection_init} ({"authorization": "Bearer …" | "Basic …"}), checked once per
 * connection — a connection without valid ones is closed.
 */
@Component
class GraphQlSecurityInterceptor implements WebSocketGraphQlInterceptor {

	private static final String SESSION_VIEWER = Viewer.class.getName();

	private final Viewers viewers;

	private final SignIns signIns;

	GraphQlSecurityInterceptor(Viewers viewers, SignIns signIns) {
		this.viewers = viewers;
		this.signIns = signIns;
	}

	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
		Object authorization = payload.get("authorization");
		if (authorization == null) {
			authorization = payload.get("Authorization");
		}
		try {
			Viewer viewer = this.signIns.fromAuthorization((authorization != null) ? authorization.toString() : null);
			info.getAttributes().put(SESSION_VIEWER, viewer);
			return Mono.empty();
		}
		catch (AuthenticationException ex) {
			return Mono.error(new IllegalStateException("Unauthorized"));
		}
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Viewer viewer;
		if (request instanceof WebSocketGraphQlRequest socket) {
			Object stored = socket.getSessionInfo().getAttributes().get(SESSION_VIEWER);
			viewer = (stored instanceof Viewer v) ? v : Viewer.anonymous();
		}
		else {
			viewer = this.viewers.current();
		}
		request.configureExecutionInput((input, builder) -> builder
			.graphQLContext((context) -> context.put(Viewer.CONTEXT_KEY, viewer).put("viewer", viewer))
			.build());
		return chain.next(request);
	}

}
