package org.oversight.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import org.oversight.core.common.Today;
import org.oversight.core.mongo.EmbeddedMongoServer;

import static org.assertj.core.api.Assertions.assertThat;

class TokenServiceTests {

	@Test
	void issuedTokensDecodeWithTheSameKey() {
		EmbeddedMongoServer server = EmbeddedMongoServer.inMemoryH2();
		try (var client = MongoClients.create(server.connectionString())) {
			MongoTemplate mongo = new MongoTemplate(client, "t");
			Today today = new Today(Clock.fixed(Instant.parse("2026-06-15T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
			TokenService tokens = new TokenService(mongo, today);
			var jwt = tokens.issue("admin", 3, Duration.ofHours(8), Map.of());
			var decoded = tokens.decoder().decode(jwt.getTokenValue());
			assertThat(decoded.getSubject()).isEqualTo("admin");
			assertThat(((Number) decoded.getClaim("ver")).longValue()).isEqualTo(3);
			assertThat(new TokenService(mongo, today).decoder().decode(jwt.getTokenValue()).getSubject())
				.as("a second process shares the key")
				.isEqualTo("admin");
		}
		finally {
			server.destroy();
		}
	}

}
