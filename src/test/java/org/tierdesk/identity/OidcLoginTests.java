package org.tierdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;
import org.tierdesk.support.TestIdentityProvider;

/**
 * With an OpenID Connect provider configured, people sign in to the web pages through it (authorization-code flow
 * over real HTTP) and act as the desk account it names; nobody else gets in.
 */
@DeskTest
class OidcLoginTests {

	static final TestIdentityProvider PROVIDER = start();

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		String prefix = "spring.security.oauth2.client.";
		registry.add(prefix + "registration.corporate.client-id", () -> "tierdesk");
		registry.add(prefix + "registration.corporate.client-secret", () -> "secret");
		registry.add(prefix + "registration.corporate.client-name", () -> "Corporate SSO");
		registry.add(prefix + "registration.corporate.scope", () -> "openid");
		registry.add(prefix + "provider.corporate.issuer-uri", PROVIDER::issuer);
	}

	@AfterAll
	static void stop() {
		PROVIDER.close();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	TestDesk testDesk;

	final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void theLoginPageOffersTheIdentityProvider() throws Exception {
		String page = mvc.perform(MockMvcRequestBuilders.get("/login")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Sign in with Corporate SSO").contains("/oauth2/authorization/corporate");
	}

	@Test
	void aPersonSignedInByTheProviderActsAsTheirDeskAccount() throws Exception {
		Desk d = testDesk.create();
		PROVIDER.signIn(d.agent1().username());
		MockHttpServletResponse callback = signInThroughProvider(new MockHttpSession());
		assertThat(callback.getStatus()).isEqualTo(302);
		assertThat(callback.getRedirectedUrl()).doesNotContain("error");

		String home = mvc.perform(MockMvcRequestBuilders.get("/console").session((MockHttpSession) callbackSession)).andReturn().getResponse()
			.getContentAsString();
		assertThat(home).contains(d.agent1().displayName());
	}

	@Test
	void someoneWithoutADeskAccountIsTurnedAway() throws Exception {
		PROVIDER.signIn("nobody-" + System.nanoTime());
		MockHttpServletResponse callback = signInThroughProvider(new MockHttpSession());
		assertThat(callback.getStatus()).isEqualTo(302);
		assertThat(callback.getRedirectedUrl()).endsWith("/login?sso-error");
		MockHttpServletResponse home = mvc.perform(MockMvcRequestBuilders.get("/").session(
				(MockHttpSession) callbackSession)).andReturn().getResponse();
		assertThat(home.getStatus()).isEqualTo(302);
		assertThat(home.getRedirectedUrl()).endsWith("/login");
	}

	private jakarta.servlet.http.HttpSession callbackSession;

	/** The browser's round trip: desk -> provider's authorize endpoint -> back to the desk with a code. */
	private MockHttpServletResponse signInThroughProvider(MockHttpSession session) throws Exception {
		var start = mvc.perform(MockMvcRequestBuilders.get("/oauth2/authorization/corporate").session(session))
			.andReturn();
		String authorize = start.getResponse().getRedirectedUrl();
		assertThat(authorize).startsWith(PROVIDER.issuer() + "/authorize");
		HttpResponse<Void> atProvider = browser.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
				HttpResponse.BodyHandlers.discarding());
		URI back = URI.create(atProvider.headers().firstValue("Location").orElseThrow());
		var callback = MockMvcRequestBuilders.get(back.getPath())
			.session((MockHttpSession) start.getRequest().getSession());
		for (String pair : back.getRawQuery().split("&")) {
			String[] nameValue = pair.split("=", 2);
			callback.param(nameValue[0], URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
		}
		var result = mvc.perform(callback).andReturn();
		callbackSession = result.getRequest().getSession();
		return result.getResponse();
	}

	private static TestIdentityProvider start() {
		try {
			return new TestIdentityProvider();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
