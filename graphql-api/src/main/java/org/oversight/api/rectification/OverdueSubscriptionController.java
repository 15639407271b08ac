package org.oversight.api.rectification;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

import org.oversight.api.viewer.Right;
import org.oversight.api.viewer.Viewer;
import org.oversight.core.common.DomainException;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationService;
import org.oversight.core.rectification.Rectification;
import org.oversight.core.rectification.Rectifications;

/**
 * The live overdue feed: a task each time a sweep issues a step for it, inside the
 * subtree asked for.
 */
@Controller
class OverdueSubscriptionController {

	private final OverdueFeed feed;

	private final Rectifications rectifications;

	private final OrganizationService organizations;

	OverdueSubscriptionController(OverdueFeed feed, Rectifications rectifications, OrganizationService organizations) {
		this.feed = feed;
		this.rectifications = rectifications;
		this.organizations = organizations;
	}

	@SubscriptionMapping
	Flux<Rectification> rectificationOverdue(@Argument String under, @ContextValue Viewer viewer) {
		viewer.require(Right.READ);
		if (under != null) {
			Organization root = this.organizations.get("under", under);
			if (!viewer.sees(root.path())) {
				throw DomainException.notFound("under", "Organization", under);
			}
		}
		String root = (under != null) ? under : viewer.scopeOrganizationId();
		return this.feed.steps()
			.onBackpressureBuffer(10_000, reactor.core.publisher.BufferOverflowStrategy.DROP_OLDEST)
			.filter((step) -> root == null || (step.orgPath() != null && step.orgPath().contains(root)))
			.concatMap((step) -> Mono.fromCallable(() -> this.rectifications.findById(step.taskId()).orElse(null))
				.subscribeOn(Schedulers.boundedElastic()))
			.filter((task) -> viewer.sees(task.orgPath()) && !viewer.scope().recused(task.findingSubjectId()));
	}

}
