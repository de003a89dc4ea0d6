package org.tierdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.Role;
import org.tierdesk.ticket.Channel;

/** Text messages in through the gateway webhook: signed, deduplicated by message id, threaded by ticket number. */
@DeskTest
class SmsIntakeTests {

	private static final String SECRET = "gateway-shared-secret-0123";

	private static final String URL = "http://localhost/api/v1/intake/sms";

	@Autowired
	TestDesk testDesk;

	@Autowired
	Channels channels;

	@Autowired
	Accounts accounts;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	Desk d;

	String deskNumber;

	Person caller;

	@BeforeEach
	void deskReachedByText() {
		d = testDesk.create();
		DeskPrincipal admin = accounts.findByUsername("admin").orElseThrow().principal();
		deskNumber = "+1 555 01" + String.format("%05d", d.program().id() % 100000);
		channels.addEndpoint(admin, d.key(), Channel.SMS, deskNumber);
		channels.changeSettings(admin, d.key(), new Channels.SettingsForm(null, null, null, null, SECRET));
		String phone = "+44 7700 9" + String.format("%05d", d.program().id() % 100000);
		caller = accounts.create(new Accounts.NewAccount(d.key().toLowerCase() + ".texter", "Texter", null, phone,
				"Fleet", null, null, EnumSet.of(Role.CUSTOMER), Set.of(d.program().id())));
	}

	MockHttpServletResponse text(String from, String body, String sid, String signature) throws Exception {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("From", from);
		params.put("To", deskNumber);
		params.put("Body", body);
		params.put("MessageSid", sid);
		MockHttpServletRequestBuilder request = post("/api/v1/intake/sms")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("X-Twilio-Signature", signature == null ? SmsIntake.sign(SECRET, URL, params) : signature);
		params.forEach((k, v) -> request.param(k, v));
		return mvc.perform(request).andReturn().getResponse();
	}

	long tickets() {
		return jdbc.queryForObject("select count(*) from ticket where program_id = ?", Long.class, d.program().id());
	}

	@Test
	void aSignedTextOpensATicketForTheCallerFoundByNumberAndIsAcknowledgedByText() throws Exception {
		MockHttpServletResponse r = text("+447700 9" + String.format("%05d", d.program().id() % 100000),
				"Terminal 4 will not print", "SM" + d.key() + "1", null);

		assertThat(r.getStatus()).isEqualTo(200);
		assertThat(r.getContentAsString()).contains("\"outcome\":\"OPENED\"").contains("TD-");
		assertThat(jdbc.queryForMap("select requester_id, channel, subject from ticket where program_id = ?",
				d.program().id())).containsEntry("CHANNEL", "SMS").containsEntry("SUBJECT", "Terminal 4 will not print")
			.containsEntry("REQUESTER_ID", caller.id());
		assertThat(jdbc.queryForMap("select channel, purpose, body from intake_outbound where program_id = ?",
				d.program().id())).containsEntry("CHANNEL", "SMS").containsEntry("PURPOSE", "ACKNOWLEDGEMENT");
	}

	@Test
	void aReplayedMessageIdIsOneTicketAndATextNamingTheTicketIsAnEntryOnIt() throws Exception {
		String from = caller.phone();
		String first = text(from, "Radio silent", "SM" + d.key() + "2", null).getContentAsString();
		String replay = text(from, "Radio silent", "SM" + d.key() + "2", null).getContentAsString();

		assertThat(replay).contains("\"outcome\":\"DUPLICATE\"");
		assertThat(tickets()).isEqualTo(1);
		String number = first.replaceAll(".*\"ticket\":\"([^\"]+)\".*", "$1");
		String followUp = text(from, number + " still silent after restart", "SM" + d.key() + "3", null)
			.getContentAsString();
		assertThat(followUp).contains("\"outcome\":\"APPENDED\"");
		assertThat(tickets()).isEqualTo(1);
	}

	@Test
	void aBadSignatureIsRefusedWith403AndNothingIsTakenIn() throws Exception {
		MockHttpServletResponse r = text(caller.phone(), "Forged", "SM" + d.key() + "4", "bm90IGEgc2lnbmF0dXJl");

		assertThat(r.getStatus()).isEqualTo(403);
		assertThat(r.getContentType()).isEqualTo("application/problem+json");
		assertThat(tickets()).isZero();
	}
}
