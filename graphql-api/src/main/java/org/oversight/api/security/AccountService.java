package org.oversight.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import org.oversight.api.viewer.Role;
import org.oversight.core.common.Actor;
import org.oversight.core.common.Check;
import org.oversight.core.common.DomainException;
import org.oversight.core.common.Today;
import org.oversight.core.organization.OrganizationService;

/**
 * Local accounts: sign-in with lock-out after repeated failures, and the account
 * commands. A successful password check is remembered for a short while (keyed by a hash
 * of the password and the account's version), so repeated requests do not pay for BCrypt
 * each time; any change of the account ends it at once.
 */
@Service
public class AccountService {

	private static final Logger logger = LoggerFactory.getLogger(AccountService.class);

	private static final int MIN_PASSWORD = 8;

	private final MongoTemplate mongo;

	private final PasswordEncoder encoder;

	private final SecurityProperties properties;

	private final Today today;

	private final OrganizationService organizations;

	private final AuditLog audit;

	private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

	AccountService(MongoTemplate mongo, PasswordEncoder encoder, SecurityProperties properties, Today today,
			OrganizationService organizations, AuditLog audit) {
		this.mongo = mongo;
		this.encoder = encoder;
		this.properties = properties;
		this.today = today;
		this.organizations = organizations;
		this.audit = audit;
	}

	private record Remembered(String passwordDigest, long version, Instant until) {
	}

	/** Why a sign-in failed. */
	public enum Failure {

		BAD_CREDENTIALS, LOCKED, DISABLED

	}

	/** The result of a sign-in: the account, or why not. */
	public record SignIn(Account account, Failure failure) {

		public boolean succeeded() {
			return this.failure == null;
		}

	}

	public SignIn signIn(String username, String password) {
		Instant now = this.today.now();
		Account account = (username != null) ? this.mongo.findById(username, Account.class) : null;
		if (account == null || password == null) {
			this.audit.signInFailed(username, "unknown account");
			return new SignIn(null, Failure.BAD_CREDENTIALS);
		}
		if (account.disabled()) {
			this.audit.signInFailed(username, "disabled");
			return new SignIn(account, Failure.DISABLED);
		}
		if (account.lockedAt(now)) {
			this.audit.signInFailed(username, "locked");
			return new SignIn(account, Failure.LOCKED);
		}
		String digest = digest(username, password);
		Remembered check = this.remembered.get(username);
		if (check != null && check.version() == account.version() && check.until().isAfter(now)
				&& MessageDigest.isEqual(check.passwordDigest().getBytes(StandardCharsets.UTF_8),
						digest.getBytes(StandardCharsets.UTF_8))) {
			return new SignIn(account, null);
		}
		if (!this.encoder.matches(password, account.passwordHash())) {
			Account failed = recordFailure(account, now);
			this.audit.signInFailed(username, "bad password (" + failed.failedSignIns() + " in a row)");
			slowDown(failed.failedSignIns());
			return new SignIn(failed, failed.lockedAt(now) ? Failure.LOCKED : Failure.BAD_CREDENTIALS);
		}
		if (account.failedSignIns() > 0) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(username)),
					new Update().set("failedSignIns", 0).unset("lockedUntil"), Account.class);
		}
		this.remembered.put(username,
				new Remembered(digest, account.version(), now.plus(this.properties.basicCache())));
		return new SignIn(account, null);
	}

	private Account recordFailure(Account account, Instant now) {
		Account counted = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(account.username())),
				new Update().inc("failedSignIns", 1), FindAndModifyOptions.options().returnNew(true), Account.class);
		if (counted != null && counted.failedSignIns() >= this.properties.maxFailedSignIns()) {
			Instant until = now.plus(this.properties.lockout());
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(account.username())),
					new Update().set("lockedUntil", until).set("failedSignIns", 0), Account.class);
			logger.warn("Account {} locked until {} after {} failed sign-ins", account.username(), until,
					this.properties.maxFailedSignIns());
			return this.mongo.findById(account.username(), Account.class);
		}
		return (counted != null) ? counted : account;
	}

	private static void slowDown(int failures) {
		try {
			Thread.sleep(Math.min(2000L, 200L * failures));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String digest(String username, String password) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			return HexFormat.of()
				.formatHex(sha.digest((username + "\u0000" + password).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public Optional<Account> find(String username) {
		return Optional.ofNullable(this.mongo.findById(username, Account.class));
	}

	public record CreateAccount(String username, String password, List<Role> roles, String scopeOrganizationId,
			String cadreId) {
	}

	public record UpdateAccount(String username, List<Role> roles, String scopeOrganizationId, String cadreId,
			Boolean disabled) {
	}

	public Account create(CreateAccount command) {
		String username = Check.text("username", command.username(), 64);
		if (!username.matches("[A-Za-z0-9._@-]+")) {
			throw DomainException.invalid("username", "may hold only letters, digits, '.', '_', '@' and '-'");
		}
		String password = password("password", command.password());
		Set<Role> roles = roles(command.roles());
		validateLinks(command.scopeOrganizationId(), command.cadreId());
		Account account = new Account(username, this.encoder.encode(password), roles, command.scopeOrganizationId(),
				command.cadreId(), false, 0, null, 1, this.today.now(), Actor.current());
		try {
			this.mongo.insert(account);
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("An account named " + username + " already exists");
		}
		return account;
	}

	public Account update(UpdateAccount command) {
		Account account = get(command.username());
		Update update = new Update().inc("version", 1);
		if (command.roles() != null) {
			update.set("roles", roles(command.roles()));
		}
		if (command.scopeOrganizationId() != null || command.cadreId() != null) {
			validateLinks(command.scopeOrganizationId(), command.cadreId());
		}
		if (command.scopeOrganizationId() != null) {
			update.set("scopeOrganizationId",
					command.scopeOrganizationId().isBlank() ? null : command.scopeOrganizationId());
		}
		if (command.cadreId() != null) {
			update.set("cadreId", command.cadreId().isBlank() ? null : command.cadreId());
		}
		if (command.disabled() != null) {
			update.set("disabled", command.disabled());
		}
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(account.username())), update, Account.class);
		this.remembered.remove(account.username());
		return get(account.username());
	}

	public Account unlock(String username) {
		Account account = get(username);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(account.username())),
				new Update().set("failedSignIns", 0).unset("lockedUntil"), Account.class);
		return get(username);
	}

	public boolean changePassword(String username, String oldPassword, String newPassword) {
		Account account = get(username);
		Check.text("oldPassword", oldPassword);
		String password = password("newPassword", newPassword);
		if (!this.encoder.matches(oldPassword, account.passwordHash())) {
			throw DomainException.invalid("oldPassword", "is not the current password");
		}
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(username)),
				new Update().set("passwordHash", this.encoder.encode(password)).inc("version", 1), Account.class);
		this.remembered.remove(username);
		return true;
	}

	public Account get(String username) {
		if (username == null) {
			throw DomainException.invalid("username", "is required");
		}
		Account account = this.mongo.findById(username, Account.class);
		if (account == null) {
			throw DomainException.notFound("username", "Account", username);
		}
		return account;
	}

	/**
	 * Creates {@code admin} when no account exists: the configured password or a random
	 * one, printed once.
	 */
	public void bootstrap() {
		if (this.mongo.count(new Query(), Account.class) > 0) {
			return;
		}
		String configured = this.properties.adminPassword();
		boolean random = configured == null || configured.isBlank();
		String password = random ? randomPassword() : configured;
		try {
			this.mongo.insert(new Account("admin", this.encoder.encode(password), EnumSet.of(Role.ADMIN), null, null,
					false, 0, null, 1, this.today.now(), Actor.SYSTEM));
			if (random) {
				logger.warn("Created the account 'admin' with the random password {} (shown only this once; "
						+ "set OVERSIGHT_ADMIN_PASSWORD to choose it)", password);
			}
			else {
				logger.info("Created the account 'admin' with the password from OVERSIGHT_ADMIN_PASSWORD");
			}
		}
		catch (DuplicateKeyException ex) {
			// another process created it first
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private String password(String field, String password) {
		String text = Check.present(field, password);
		if (text.isBlank()) {
			throw DomainException.invalid(field, "must not be blank");
		}
		if (text.length() < MIN_PASSWORD) {
			throw DomainException.invalid(field, "must be at least " + MIN_PASSWORD + " characters");
		}
		return text;
	}

	private static Set<Role> roles(List<Role> roles) {
		if (roles == null || roles.isEmpty()) {
			throw DomainException.invalid("roles", "at least one role is required");
		}
		return EnumSet.copyOf(roles);
	}

	private void validateLinks(String scopeOrganizationId, String cadreId) {
		if (scopeOrganizationId != null && !scopeOrganizationId.isBlank()) {
			this.organizations.get("scopeOrganizationId", scopeOrganizationId);
		}
		if (cadreId != null && !cadreId.isBlank()) {
			if (!org.bson.types.ObjectId.isValid(cadreId)
					|| !this.mongo.exists(Query.query(Criteria.where("_id").is(cadreId)), "cadres")) {
				throw DomainException.notFound("cadreId", "Cadre", cadreId);
			}
		}
	}

}
