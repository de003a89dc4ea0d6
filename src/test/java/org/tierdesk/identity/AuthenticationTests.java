package org.tierdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.MovableClock;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

@DeskTest
class AuthenticationTests {

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	MovableClock clock;

	@Test
	void repeatedWrongPasswordsLockTheAccountEvenAgainstTheRightOne() throws Exception {
		Desk d = testDesk.create();
		Person agent = d.agent1();
		for (int i = 0; i < 5; i++) {
			assertThat(basic(agent.username(), "wrong-" + i).getStatus()).isEqualTo(401);
		}
		MockHttpServletResponse locked = basic(agent.username(), TestDesk.PASSWORD);
		assertThat(locked.getStatus()).isEqualTo(401);
		assertThat(locked.getContentAsString()).contains("locked");
		clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		assertThat(basic(agent.username(), TestDesk.PASSWORD).getStatus()).isEqualTo(200);
		assertThat(basic(agent.username(), "wrong-again").getStatus()).as("a success resets the count").isEqualTo(401);
		assertThat(basic(agent.username(), TestDesk.PASSWORD).getStatus()).isEqualTo(200);
	}

	@Test
	void anUnknownUserAndAWrongPasswordLookTheSame() throws Exception {
		MockHttpServletResponse unknown = basic("nobody-" + System.nanoTime(), "whatever-pass");
		MockHttpServletResponse wrong = basic(testDesk.create().agent1().username(), "whatever-pass");
		assertThat(unknown.getStatus()).isEqualTo(wrong.getStatus()).isEqualTo(401);
		assertThat(unknown.getContentAsString()).isEqualTo(wrong.getContentAsString());
	}

	@Test
	void aPersonalApiTokenAuthenticatesUntilItIsRevoked() {
		Desk d = testDesk.create();
		Response issued = api.post(d.agent1(), "/api/v1/users/me/tokens", "{\"name\":\"load test\"}");
		assertThat(issued.status()).isEqualTo(201);
		String token = issued.json("$.token");
		assertThat(token).startsWith("tdp_");
		long id = ((Number) issued.json("$.id")).longValue();

		Response me = api.call(null, HttpMethod.GET, "/api/v1/users/me", null, Map.of("Authorization", "Bearer " + token));
		assertThat(me.status()).isEqualTo(200);
		assertThat((String) me.json("$.username")).isEqualTo(d.agent1().username());
		assertThat(api.get(d.agent1(), "/api/v1/users/me/tokens").body()).doesNotContain(token);

		assertThat(api.call(d.agent1(), HttpMethod.DELETE, "/api/v1/users/me/tokens/" + id, null, Map.of()).status())
			.isEqualTo(204);
		Response revoked = api.call(null, HttpMethod.GET, "/api/v1/users/me", null,
				Map.of("Authorization", "Bearer " + token));
		assertThat(revoked.status()).isEqualTo(401);
		assertThat(api.call(null, HttpMethod.GET, "/api/v1/users/me", null,
				Map.of("Authorization", "Bearer tdp_made-up")).status()).isEqualTo(401);
	}

	@Test
	void anExpiredTokenNoLongerAuthenticates() {
		Desk d = testDesk.create();
		String token = api.post(d.agent1(), "/api/v1/users/me/tokens", "{\"name\":\"short\",\"expiresInDays\":1}")
			.json("$.token");
		clock.advance(Duration.ofDays(1).plusSeconds(1));
		assertThat(api.call(null, HttpMethod.GET, "/api/v1/users/me", null, Map.of("Authorization", "Bearer " + token))
			.status()).isEqualTo(401);
	}

	@Test
	void changingThePasswordRetiresTheRememberedOne() throws Exception {
		Desk d = testDesk.create();
		Person agent = d.agent1();
		assertThat(basic(agent.username(), TestDesk.PASSWORD).getStatus()).isEqualTo(200);
		accounts.changePassword(agent.id(), "a-brand-new-password");
		assertThat(basic(agent.username(), TestDesk.PASSWORD).getStatus()).isEqualTo(401);
		assertThat(basic(agent.username(), "a-brand-new-password").getStatus()).isEqualTo(200);
	}

	@Test
	void webLoginNeedsTheCsrfTokenAndStartsASession() throws Exception {
		Desk d = testDesk.create();
		assertThat(mvc.perform(get("/")).andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
		assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString()).contains("_csrf");
		MockHttpServletResponse withoutCsrf = mvc.perform(post("/login").param("username", d.agent1().username())
			.param("password", TestDesk.PASSWORD)).andReturn().getResponse();
		assertThat(withoutCsrf.getStatus()).isEqualTo(403);
		MockHttpServletResponse login = mvc.perform(post("/login").with(csrf()).param("username",
				d.agent1().username()).param("password", TestDesk.PASSWORD)).andReturn().getResponse();
		assertThat(login.getRedirectedUrl()).isEqualTo("/");
		MockHttpServletResponse wrong = mvc.perform(post("/login").with(csrf()).param("username",
				d.agent1().username()).param("password", "nope-nope")).andReturn().getResponse();
		assertThat(wrong.getRedirectedUrl()).isEqualTo("/login?error");
	}

	@Test
	void aProgramManagerCannotMintAdministrators() {
		Desk d = testDesk.create();
		Response response = api.post(d.manager(), "/api/v1/users", """
				{"username":"mallory%d","displayName":"Mallory","roles":["ADMIN"],"programs":["%s"],
				 "password":"long-enough-password"}""".formatted(System.nanoTime(), d.key()));
		assertThat(response.status()).isEqualTo(403);
	}

	@Test
	void theFirstStartCreatedTheAdministratorWithTheConfiguredPassword() throws Exception {
		assertThat(accounts.findByUsername("admin")).get().extracting(p -> p.roles())
			.asString().contains("ADMIN");
		assertThat(basic("admin", Api.ADMIN_PASSWORD).getStatus()).isEqualTo(200);
	}

	private MockHttpServletResponse basic(String username, String password) throws Exception {
		return mvc.perform(get("/api/v1/users/me").with(
				org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.httpBasic(username, password)))
			.andReturn().getResponse();
	}
}
