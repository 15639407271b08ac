package org.oversight.api.viewer;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Puts the signed-in {@link Viewer} into the GraphQL context of each request, where
 * controllers ({@code @ContextValue Viewer viewer}) and batch loaders find it.
 */
@Component
class ViewerInterceptor implements WebGraphQlInterceptor {

	private final Viewers viewers;

	ViewerInterceptor(Viewers viewers) {
		this.viewers = viewers;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Viewer viewer = this.viewers.current();
		request.configureExecutionInput((input, builder) -> builder
			.graphQLContext((context) -> context.put(Viewer.CONTEXT_KEY, viewer).put("viewer", viewer))
			.build());
		return chain.next(request);
	}

}
