package org.oversight.api.obligation;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import org.oversight.api.graphql.CadreNode;
import org.oversight.api.graphql.Connection;
import org.oversight.api.graphql.OrgNode;
import org.oversight.api.viewer.Right;
import org.oversight.api.viewer.Viewer;
import org.oversight.core.common.PageRequest;
import org.oversight.core.talk.TalkKind;
import org.oversight.scheduler.obligation.Obligation;
import org.oversight.scheduler.obligation.ObligationFilter;
import org.oversight.scheduler.obligation.ObligationStatus;
import org.oversight.scheduler.obligation.Obligations;

/** The talk obligations the daily check keeps: who owes whom which talk, by when. */
@Controller
class ObligationController {

	private final Obligations obligations;

	ObligationController(Obligations obligations) {
		this.obligations = obligations;
	}

	@QueryMapping
	Connection<Obligation> talkObligations(@Argument String under, @Argument ObligationStatus status,
			@Argument TalkKind kind, @Argument String ownerId, @Argument String subjectId,
			@Argument LocalDate dueBefore, @Argument Integer first, @Argument String after,
			@ContextValue Viewer viewer) {
		viewer.require(Right.READ);
		PageRequest page = PageRequest.of(first, after);
		ObligationFilter filter = new ObligationFilter(under, status, kind, ownerId, subjectId, dueBefore);
		return Connection.lazy(() -> this.obligations.page(viewer.scope(), filter, page),
				() -> this.obligations.count(viewer.scope(), filter));
	}

	@SchemaMapping(typeName = "TalkObligation")
	CompletableFuture<CadreNode> owner(Obligation obligation, DataLoader<String, CadreNode> cadreById) {
		return cadreById.load(obligation.ownerCadreId());
	}

	@SchemaMapping(typeName = "TalkObligation")
	CompletableFuture<CadreNode> subject(Obligation obligation, DataLoader<String, CadreNode> cadreById) {
		return cadreById.load(obligation.subjectCadreId());
	}

	@SchemaMapping(typeName = "TalkObligation")
	CompletableFuture<OrgNode> organization(Obligation obligation, DataLoader<String, OrgNode> organizationById) {
		return organizationById.load(obligation.organizationId());
	}

}
