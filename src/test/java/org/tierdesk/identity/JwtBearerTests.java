package org.tierdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** With an issuer's key configured, the API accepts that issuer's JWTs for desk accounts, and only those. */
@DeskTest
class JwtBearerTests {

	static final KeyPair ISSUER = keyPair();

	static final KeyPair STRANGER = keyPair();

	@DynamicPropertySource
	static void issuerKey(DynamicPropertyRegistry registry) throws Exception {
		Path pem = Files.createTempFile("issuer", ".pem");
		Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(ISSUER.getPublic().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n");
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
	}

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Test
	void aTokenFromTheIssuerActsAsTheDeskAccountItNames() throws Exception {
		Desk d = testDesk.create();
		Response me = get(jwt(ISSUER, d.agent1().username(), Instant.now().plusSeconds(300)));
		assertThat(me.status()).isEqualTo(200);
		assertThat((String) me.json("$.username")).isEqualTo(d.agent1().username());
		assertThat(api.call(null, HttpMethod.GET, "/api/v1/programs/" + d.key() + "/groups", null,
				Map.of("Authorization", "Bearer " + jwt(ISSUER, d.customer().username(),
						Instant.now().plusSeconds(300)))).status())
			.as("roles come from the desk, not the token").isEqualTo(403);
	}

	@Test
	void forgedExpiredOrUnknownTokensAreRefused() throws Exception {
		Desk d = testDesk.create();
		assertThat(get(jwt(STRANGER, d.agent1().username(), Instant.now().plusSeconds(300))).status()).isEqualTo(401);
		assertThat(get(jwt(ISSUER, d.agent1().username(), Instant.now().minusSeconds(300))).status()).isEqualTo(401);
		assertThat(get(jwt(ISSUER, "nobody-at-this-desk", Instant.now().plusSeconds(300))).status()).isEqualTo(401);
	}

	@Test
	void personalApiTokensStillWorkBesideSingleSignOn() {
		Desk d = testDesk.create();
		String token = api.post(d.agent1(), "/api/v1/users/me/tokens", "{\"name\":\"script\"}").json("$.token");
		assertThat(get(token).status()).isEqualTo(200);
	}

	Response get(String bearer) {
		return api.call(null, HttpMethod.GET, "/api/v1/users/me", null, Map.of("Authorization", "Bearer " + bearer));
	}

	static String jwt(KeyPair key, String username, Instant expiry) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
			.subject("sso-" + username).claim("preferred_username", username).issueTime(new Date())
			.expirationTime(Date.from(expiry)).build());
		jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
		return jwt.serialize();
	}

	static KeyPair keyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
