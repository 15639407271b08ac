package org.oversight.api.account;

import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import org.oversight.api.graphql.CadreNode;
import org.oversight.api.graphql.OrgNode;
import org.oversight.api.viewer.Viewer;

/** The signed-in account. */
@Controller
class AccountController {

	@QueryMapping
	AccountView me(@ContextValue Viewer viewer) {
		return new AccountView(viewer.username(), viewer.roles().stream().sorted().toList(),
				viewer.scopeOrganizationId(), viewer.cadreId(), false, false);
	}

	record AccountView(String username, java.util.List<org.oversight.api.viewer.Role> roles, String scopeId,
			String cadreId, boolean disabled, boolean locked) {
	}

	@SchemaMapping(typeName = "Account")
	CompletableFuture<OrgNode> scope(AccountView account, DataLoader<String, OrgNode> organizationById) {
		return (account.scopeId() != null) ? organizationById.load(account.scopeId())
				: CompletableFuture.completedFuture(null);
	}

	@SchemaMapping(typeName = "Account")
	CompletableFuture<CadreNode> cadre(AccountView account, DataLoader<String, CadreNode> cadreById) {
		return (account.cadreId() != null) ? cadreById.load(account.cadreId())
				: CompletableFuture.completedFuture(null);
	}

}
