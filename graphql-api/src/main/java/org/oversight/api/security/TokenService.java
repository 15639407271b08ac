package org.oversight.api.security;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import org.oversight.core.common.Today;

/**
 * Signs the server's own tokens (HMAC-SHA256). The key is made once per installation and
 * kept in the database, so every server process signs and checks with the same one.
 */
@Component
public class TokenService {

	static final String ISSUER = "oversight";

	private final SecretKey key;

	private final NimbusJwtEncoder encoder;

	private final NimbusJwtDecoder decoder;

	private final Today today;

	TokenService(MongoTemplate mongo, Today today) {
		this.today = today;
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		Document stored = mongo.findAndModify(Query.query(Criteria.where("_id").is("token-key")),
				new Update().setOnInsert("key", Base64.getEncoder().encodeToString(fresh)),
				FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, "settings");
		this.key = new SecretKeySpec(Base64.getDecoder().decode(stored.getString("key")), "HmacSHA256");
		this.encoder = NimbusJwtEncoder.withSecretKey(this.key).build();
		this.decoder = NimbusJwtDecoder.withSecretKey(this.key).macAlgorithm(MacAlgorithm.HS256).build();
		var timestamps = new org.springframework.security.oauth2.jwt.JwtTimestampValidator();
		timestamps.setClock(today.clock());
		this.decoder.setJwtValidator(new org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator<>(
				timestamps, new org.springframework.security.oauth2.jwt.JwtIssuerValidator(ISSUER)));
	}

	/** A token for the account, valid for the given time. */
	public Jwt issue(String subject, long accountVersion, java.time.Duration lifetime, Map<String, Object> claims) {
		Instant now = this.today.now();
		JwtClaimsSet.Builder set = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(subject)
			.issuedAt(now)
			.expiresAt(now.plus(lifetime))
			.claim("ver", accountVersion);
		claims.forEach(set::claim);
		return this.encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), set.build()));
	}

	public JwtDecoder decoder() {
		return this.decoder;
	}

}
