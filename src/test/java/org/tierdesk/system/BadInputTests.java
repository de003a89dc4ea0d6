package org.tierdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

/** Bad input gets an RFC 9457 problem naming the field, and nothing is written. */
@DeskTest
class BadInputTests {

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void malformedJsonIsAProblemNotACrash() {
		Desk d = testDesk.create();
		Response response = api.post(d.agent1(), "/api/v1/tickets", "{\"kind\": ");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.raw().getContentType()).startsWith("application/problem+json");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void aWrongEnumValueNamesItsField() {
		Desk d = testDesk.create();
		Response response = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"s","description":"d",
				 "impact":"ENORMOUS"}""".formatted(d.key(), d.customer().id()));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.<List<String>>json("$.errors[*].field")).containsExactly("impact");
	}

	@Test
	void missingFieldsAreAllNamedAndNothingIsWritten() {
		Desk d = testDesk.create();
		Response response = api.post(d.agent1(), "/api/v1/tickets", "{\"program\":\"" + d.key() + "\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.<List<String>>json("$.errors[*].field")).contains("kind", "subject", "description");
		assertThat(jdbc.queryForObject("select count(*) from ticket where program_id = ?", Integer.class,
				d.program().id())).isZero();
	}

	@Test
	void aRequesterFromAnotherProgramIsRefusedByName() {
		Desk d = testDesk.create();
		Desk other = testDesk.create();
		Response response = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"s","description":"d"}"""
			.formatted(d.key(), other.customer().id()));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.<List<String>>json("$.errors[*].field")).containsExactly("requesterId");
	}

	@Test
	void unknownAndMalformedIdsAreNotFound() {
		Desk d = testDesk.create();
		assertThat(api.get(d.agent1(), "/api/v1/tickets/TD-000000").status()).isEqualTo(404);
		assertThat(api.get(d.agent1(), "/api/v1/tickets/' or 1=1").status()).isEqualTo(404);
		assertThat(api.get(d.agent1(), "/api/v1/programs/NOPE/groups").status()).isEqualTo(404);
		assertThat(api.get(d.agent1(), "/api/v1/programs/" + d.key() + "/groups/abc").status()).isEqualTo(404);
		assertThat(api.get(d.agent1(), "/api/v1/tickets/TD-000001/attachments/1e99").status()).isEqualTo(404);
		Response badQuery = api.get(d.agent1(), "/api/v1/tickets?tier=high");
		assertThat(badQuery.status()).isEqualTo(400);
		assertThat(badQuery.<List<String>>json("$.errors[*].field")).containsExactly("tier");
	}

	@Test
	void anOversizedBodyIsRefusedWith413() {
		Desk d = testDesk.create();
		String huge = "x".repeat(1_100_000);
		Response response = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"s","description":"%s"}"""
			.formatted(d.key(), d.customer().id(), huge));
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.raw().getContentType()).startsWith("application/problem+json");
	}

	private String openTicket(Desk d) {
		Response opened = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"s","description":"d"}"""
			.formatted(d.key(), d.customer().id()));
		assertThat(opened.status()).isEqualTo(201);
		return opened.json("$.number");
	}

	@Test
	void aMalformedIfMatchNamesTheHeader() {
		Desk d = testDesk.create();
		String n = openTicket(d);
		Response malformed = api.call(d.agent1(), HttpMethod.POST, "/api/v1/tickets/" + n + "/ownership", null,
				Map.of("If-Match", "\"abc\""));
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.<List<String>>json("$.errors[*].field")).containsExactly("If-Match");
	}

	@Test
	void anIllegalTransitionIsAConflictThatSaysWhy() {
		Desk d = testDesk.create();
		String n = openTicket(d);
		Response accept = api.put(d.customer(), "/api/v1/tickets/" + n + "/acceptance", "{\"accepted\":true}");
		assertThat(accept.status()).isEqualTo(409);
		assertThat((String) accept.json("$.detail")).contains("resolved");
		Response escalate = api.post(d.agent1(), "/api/v1/tickets/" + n + "/escalations", "{\"reason\":\"x\"}");
		assertThat(escalate.status()).isEqualTo(400);
		assertThat(escalate.<List<String>>json("$.errors[*].field")).containsExactly("tier");
	}
}
