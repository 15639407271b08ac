package org.oversight.api.account;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import org.oversight.api.graphql.CadreNode;
import org.oversight.api.graphql.Connection;
import org.oversight.api.graphql.OrgNode;
import org.oversight.api.security.Account;
import org.oversight.api.security.AccountService;
import org.oversight.api.security.AuditLog;
import org.oversight.api.viewer.Right;
import org.oversight.api.viewer.Role;
import org.oversight.api.viewer.Viewer;
import org.oversight.core.common.PageRequest;
import org.oversight.core.common.Today;

/** Accounts: the signed-in one, and their administration (ADMIN only). */
@Controller
class AccountController {

	private final AccountService accounts;

	private final AuditLog audit;

	private final Today today;

	AccountController(AccountService accounts, AuditLog audit, Today today) {
		this.accounts = accounts;
		this.audit = audit;
		this.today = today;
	}

	@QueryMapping
	AccountView me(@ContextValue Viewer viewer, graphql.GraphQLContext context) {
		// locked until a moment: the answer changes then without a write
		org.oversight.api.graphql.KeptResponses.notKept(context);
		return this.accounts.find(viewer.username())
			.map(this::view)
			.orElseGet(() -> new AccountView(viewer.username(), viewer.roles().stream().sorted().toList(),
					viewer.scopeOrganizationId(), viewer.cadreId(), false, false));
	}

	@MutationMapping
	AccountView createAccount(@Argument AccountService.CreateAccount input, @ContextValue Viewer viewer) {
		viewer.require(Right.MANAGE_ACCOUNTS);
		return view(this.accounts.create(input));
	}

	@MutationMapping
	AccountView updateAccount(@Argument AccountService.UpdateAccount input, @ContextValue Viewer viewer) {
		viewer.require(Right.MANAGE_ACCOUNTS);
		return view(this.accounts.update(input));
	}

	@MutationMapping
	AccountView unlockAccount(@Argument String username, @ContextValue Viewer viewer) {
		viewer.require(Right.MANAGE_ACCOUNTS);
		return view(this.accounts.unlock(username));
	}

	@MutationMapping
	boolean changePassword(@Argument String oldPassword, @Argument String newPassword, @ContextValue Viewer viewer) {
		if (viewer.roles().isEmpty()) {
			throw new org.oversight.core.common.DomainException.Forbidden("Not signed in");
		}
		return this.accounts.changePassword(viewer.username(), oldPassword, newPassword);
	}

	@QueryMapping
	Connection<AuditLog.Entry> auditLog(@Argument AuditLog.Kind kind, @Argument String actor, @Argument Instant from,
			@Argument Instant to, @Argument Integer first, @Argument String after, @ContextValue Viewer viewer) {
		viewer.require(Right.MANAGE_ACCOUNTS);
		PageRequest page = PageRequest.of(first, after);
		var criteria = this.audit.filter(kind, actor, from, to);
		return new Connection<>(this.audit.page(criteria, page), () -> this.audit.count(criteria));
	}

	@SchemaMapping(typeName = "AuditEntry")
	String details(AuditLog.Entry entry) {
		return (entry.details() != null) ? new org.bson.Document(entry.details()).toJson() : null;
	}

	private AccountView view(Account account) {
		return new AccountView(account.username(), account.roles().stream().sorted().toList(),
				account.scopeOrganizationId(), account.cadreId(), account.disabled(),
				account.lockedAt(this.today.now()));
	}

	record AccountView(String username, List<Role> roles, String scopeId, String cadreId, boolean disabled,
			boolean locked) {
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
