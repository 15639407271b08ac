package org.oversight.api.talk;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import org.oversight.api.graphql.CadreNode;
import org.oversight.api.graphql.Connection;
import org.oversight.api.graphql.OrgNode;
import org.oversight.api.viewer.Right;
import org.oversight.api.viewer.Viewer;
import org.oversight.core.common.PageRequest;
import org.oversight.core.organization.OrganizationService;
import org.oversight.core.talk.Talk;
import org.oversight.core.talk.TalkKind;
import org.oversight.core.talk.TalkQueries;
import org.oversight.core.talk.TalkService;

/** The Talk type, recording talks, and a cadre's talks. */
@Controller
class TalkController {

	private final TalkService service;

	private final TalkQueries queries;

	private final OrganizationService organizations;

	TalkController(TalkService service, TalkQueries queries, OrganizationService organizations) {
		this.service = service;
		this.queries = queries;
		this.organizations = organizations;
	}

	@MutationMapping
	Talk recordTalk(@Argument TalkService.RecordTalk input, @ContextValue Viewer viewer) {
		viewer.require(Right.RECORD_TALKS);
		viewer.requireInScope(this.organizations.get("organizationId", input.organizationId()).path());
		return this.service.record(input);
	}

	@SchemaMapping(typeName = "Cadre")
	Connection<Talk> talks(CadreNode cadre, @Argument TalkKind kind, @Argument LocalDate from, @Argument LocalDate to,
			@Argument Integer first, @Argument String after, @ContextValue Viewer viewer) {
		PageRequest page = PageRequest.of(first, after);
		if (!cadre.visible()) {
			return Connection.empty();
		}
		Criteria criteria = this.queries.ofSubject(viewer.scope(), cadre.id(), kind, from, to);
		return Connection.lazy(() -> this.queries.page(criteria, page), () -> this.queries.count(criteria));
	}

	@SchemaMapping(typeName = "Talk")
	CompletableFuture<CadreNode> subject(Talk talk, DataLoader<String, CadreNode> cadreById) {
		return cadreById.load(talk.subjectId());
	}

	@SchemaMapping(typeName = "Talk")
	CompletableFuture<List<CadreNode>> conductedBy(Talk talk, DataLoader<String, CadreNode> cadreById) {
		return cadreById.loadMany(talk.conductedByIds());
	}

	@SchemaMapping(typeName = "Talk")
	CompletableFuture<OrgNode> organization(Talk talk, DataLoader<String, OrgNode> organizationById) {
		return organizationById.load(talk.organizationId());
	}

}
