package org.tierdesk.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small OpenID Connect provider for tests, speaking the real protocol over HTTP: discovery, JWKS, the authorization
 * endpoint (which signs in whoever the test says is at the keyboard) and the token endpoint (an RS256-signed ID token
 * carrying the nonce the desk sent). The desk's OAuth2 client talks to it exactly as to a production provider.
 */
public final class TestIdentityProvider implements AutoCloseable {

	private final HttpServer server;

	private final KeyPair key;

	private final String issuer;

	private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();

	private volatile String signedInUser;

	public TestIdentityProvider() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		key = generator.generateKeyPair();
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		issuer = "http://127.0.0.1:" + server.getAddress().getPort();
		server.createContext("/.well-known/openid-configuration", this::discovery);
		server.createContext("/jwks", this::jwks);
		server.createContext("/authorize", this::authorize);
		server.createContext("/token", this::token);
		server.start();
	}

	public String issuer() {
		return issuer;
	}

	/** Who the provider will say has signed in (its {@code preferred_username}). */
	public void signIn(String username) {
		this.signedInUser = username;
	}

	private void discovery(HttpExchange exchange) throws IOException {
		json(exchange, 200, """
				{"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
				 "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
				 "id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid"]}"""
			.formatted(issuer));
	}

	private void jwks(HttpExchange exchange) throws IOException {
		RSAKey jwk = new RSAKey.Builder((RSAPublicKey) key.getPublic()).keyID("test").build();
		json(exchange, 200, new JWKSet(jwk).toString());
	}

	private void authorize(HttpExchange exchange) throws IOException {
		Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
		String code = UUID.randomUUID().toString();
		Map<String, String> grant = new HashMap<>(query);
		grant.put("user", signedInUser);
		codes.put(code, grant);
		String location = query.get("redirect_uri") + "?code=" + code + "&state="
				+ java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Location", location);
		exchange.sendResponseHeaders(302, -1);
		exchange.close();
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		Map<String, String> grant = codes.remove(body.getOrDefault("code", ""));
		if (grant == null) {
			json(exchange, 400, "{\"error\":\"invalid_grant\"}");
			return;
		}
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject("sub-" + grant.get("user"))
			.audience(grant.get("client_id")).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
			.claim("nonce", grant.get("nonce")).claim("preferred_username", grant.get("user")).build();
		SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
		try {
			idToken.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
		}
		catch (JOSEException e) {
			throw new IOException(e);
		}
		json(exchange, 200, """
				{"access_token":"%s","token_type":"Bearer","expires_in":300,"scope":"openid","id_token":"%s"}"""
			.formatted(UUID.randomUUID(), idToken.serialize()));
	}

	private static Map<String, String> form(String encoded) {
		Map<String, String> values = new HashMap<>();
		if (encoded != null) {
			for (String pair : encoded.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return values;
	}

	private static void json(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
