package org.oversight.api.report;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import org.oversight.analytics.render.ReportFormat;
import org.oversight.api.security.SecurityProperties;
import org.oversight.core.common.Today;

/**
 * Short-lived signed links to a rendered report: {@code /reports/download/<token>} where
 * the token carries the report, the format, the user and an expiry, signed with HMAC (a
 * key shared through the database by every server process). The download checks the
 * signature, the expiry, and the user's scope again at that moment.
 */
@Component
class DownloadLinks {

	private final SecretKeySpec key;

	private final SecurityProperties properties;

	private final Today today;

	DownloadLinks(MongoTemplate mongo, SecurityProperties properties, Today today) {
		this.properties = properties;
		this.today = today;
		byte[] fresh = new byte[32];
		new java.security.SecureRandom().nextBytes(fresh);
		Document stored = mongo.findAndModify(Query.query(Criteria.where("_id").is("download-key")),
				new Update().setOnInsert("key", Base64.getEncoder().encodeToString(fresh)),
				FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, "settings");
		this.key = new SecretKeySpec(Base64.getDecoder().decode(stored.getString("key")), "HmacSHA256");
	}

	/** What a link grants. */
	record Grant(String reportId, ReportFormat format, String username, Instant expiresAt) {
	}

	String link(String reportId, ReportFormat format, String username) {
		Instant expires = this.today.now().plus(this.properties.downloadLinkLifetime());
		String payload = String.join("|", reportId, format.name(), username, Long.toString(expires.getEpochSecond()));
		String encoded = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
		return "/reports/download/" + encoded + "." + sign(encoded);
	}

	Optional<Grant> verify(String token) {
		int dot = token.lastIndexOf('.');
		if (dot < 0) {
			return Optional.empty();
		}
		String encoded = token.substring(0, dot);
		if (!MessageDigest.isEqual(sign(encoded).getBytes(StandardCharsets.US_ASCII),
				token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
			return Optional.empty();
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|");
			Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[3]));
			if (!expires.isAfter(this.today.now())) {
				return Optional.empty();
			}
			return Optional.of(new Grant(parts[0], ReportFormat.valueOf(parts[1]), parts[2], expires));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	private String sign(String encoded) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(encoded.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
