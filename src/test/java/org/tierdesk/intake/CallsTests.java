package org.tierdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tierdesk.identity.Accounts;
import org.tierdesk.support.Api;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.ticket.Channel;

/** Phone: the caller found by number, the call logged as a ticket or a note, the telephony system's events. */
@DeskTest
class CallsTests {

	static final String SECRET = "telephony-shared-secret-01";

	@Autowired
	TestDesk testDesk;

	@Autowired
	Channels channels;

	@Autowired
	Accounts accounts;

	@Autowired
	Api api;

	@Autowired
	JdbcTemplate jdbc;

	Desk d;

	String deskLine;

	@BeforeEach
	void desk() {
		d = testDesk.create();
		DeskPrincipal admin = accounts.findByUsername("admin").orElseThrow().principal();
		deskLine = "+1 800 55" + String.format("%05d", d.program().id() % 100000);
		channels.addEndpoint(admin, d.key(), Channel.PHONE, deskLine);
		channels.changeSettings(admin, d.key(), new Channels.SettingsForm(null, null, null, null, null, SECRET));
	}

	@Test
	void anAgentFindsTheCallerByNumberLogsTheCallAsATicketAndAFollowUpCallAsANote() {
		Api.Response first = api.post(d.agent1(), "/api/v1/calls", """
				{"program":"%s","callerId":%d,"kind":"INCIDENT","subject":"Printer jam","notes":"Tray 2 jams on every page.",
				 "durationSeconds":95}""".formatted(d.key(), d.customer().id()));
		assertThat(first.status()).isEqualTo(201);
		String number = first.json("$.ticket");
		assertThat(jdbc.queryForMap("select channel, requester_id, created_by from ticket where number = ?", number))
			.containsEntry("CHANNEL", "PHONE").containsEntry("REQUESTER_ID", d.customer().id())
			.containsEntry("CREATED_BY", d.agent1().id());

		Api.Response caller = api.get(d.agent1(), "/api/v1/programs/" + d.key() + "/callers?name="
				+ d.customer().displayName());
		assertThat(caller.status()).isEqualTo(200);
		assertThat((List<Object>) caller.json("$.matches")).hasSize(1);
		assertThat((List<String>) caller.json("$.openTickets[*].number")).containsExactly(number);
		assertThat((String) caller.json("$.entitlement.status")).isNotBlank();

		Api.Response again = api.post(d.agent1(), "/api/v1/calls", """
				{"program":"%s","callerId":%d,"ticket":"%s","notes":"Called back: cleaned the rollers, works.",
				 "durationSeconds":130}""".formatted(d.key(), d.customer().id(), number));
		assertThat(again.status()).isEqualTo(201);
		assertThat((Boolean) again.json("$.newTicket")).isFalse();
		Api.Response entries = api.get(d.agent1(), "/api/v1/tickets/" + number + "/entries");
		assertThat((List<String>) entries.json("$[*].body")).anyMatch(b -> b.startsWith("Phone call with")
				&& b.contains("2 min 10 s") && b.contains("cleaned the rollers"));
		List<Map<String, Object>> all = entries.json("$");
		assertThat(all).filteredOn(e -> ((String) e.get("body")).startsWith("Phone call")).singleElement()
			.satisfies(e -> assertThat(e.get("visibility")).isEqualTo("INTERNAL"));
		assertThat(jdbc.queryForList("select duration_s from intake_call where program_id = ? order by id",
				Integer.class, d.program().id())).containsExactly(95, 130);
		assertThat(api.get(d.customer(), "/api/v1/programs/" + d.key() + "/callers?name=x").status()).isEqualTo(403);
	}

	@Test
	void aNewCallerIsRecordedAsACustomerOfTheProgram() {
		Api.Response r = api.post(d.agent1(), "/api/v1/calls", """
				{"program":"%s","newCaller":{"name":"Pat Walk-in","phone":"+1 757 555 0199","organization":"USS Example"},
				 "subject":"Password expired","notes":"Reset and told to change it.","kind":"SERVICE_REQUEST"}"""
			.formatted(d.key()));
		assertThat(r.status()).isEqualTo(201);
		assertThat(accounts.findByPhone(d.program().id(), "(757) 555-0199")).hasValueSatisfying(p -> assertThat(
				p.displayName()).isEqualTo("Pat Walk-in"));
		Api.Response bad = api.post(d.agent1(), "/api/v1/calls", """
				{"program":"%s","subject":"x","notes":"y"}""".formatted(d.key()));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("callerId");
	}

	@Test
	void theTelephonySystemsSignedEventsRecordTheCallAndABadSignatureIsRefused() {
		String started = """
				{"event":"started","callId":"C-%s","from":"+351 210 000 000","to":"%s","agent":"%s","at":"2026-11-23T10:00:00Z"}"""
			.formatted(d.key(), deskLine, d.agent1().username());
		String ended = started.replace("\"started\"", "\"ended\"").replace("10:00:00Z", "10:04:30Z");

		assertThat(webhook(started, "sha256=00").status()).isEqualTo(403);
		assertThat(webhook(started, sign(started)).status()).isEqualTo(200);
		Api.Response end = webhook(ended, sign(ended));
		assertThat(end.status()).isEqualTo(200);
		assertThat((Integer) end.json("$.durationSeconds")).isEqualTo(270);
		assertThat(jdbc.queryForMap("select agent_id, caller_id from intake_call where external_id = ?", "C-" + d.key()))
			.containsEntry("AGENT_ID", d.agent1().id());
	}

	Api.Response webhook(String body, String signature) {
		return api.call(null, HttpMethod.POST, "/api/v1/intake/telephony", body,
				Map.of("Content-Type", "application/json", "X-Gateway-Signature", signature));
	}

	static String sign(String body) {
		return "sha256=" + Calls.hmac(SECRET, body.getBytes(StandardCharsets.UTF_8));
	}
}
