package org.oversight.api.viewer;

import graphql.GraphQLContext;

import org.springframework.stereotype.Component;

/** Who is asking: the signed-in account, as a {@link Viewer}. */
@Component
public class Viewers {

	private final java.util.List<ViewerSource> sources;

	Viewers(java.util.List<ViewerSource> sources) {
		this.sources = sources;
	}

	public Viewer current() {
		for (ViewerSource source : this.sources) {
			Viewer viewer = source.current();
			if (viewer != null) {
				return viewer;
			}
		}
		return Viewer.anonymous();
	}

	public static Viewer from(GraphQLContext context) {
		Viewer viewer = context.get(Viewer.CONTEXT_KEY);
		return (viewer != null) ? viewer : Viewer.anonymous();
	}

	/** Supplies the viewer of the current request, or null when it knows none. */
	public interface ViewerSource {

		Viewer current();

	}

}
