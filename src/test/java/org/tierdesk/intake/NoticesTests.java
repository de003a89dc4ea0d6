package org.tierdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.tierdesk.identity.Accounts;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;
import org.tierdesk.support.TestMailServer;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.EntryVisibility;
import org.tierdesk.ticket.Resolution;
import org.tierdesk.ticket.ResolutionCode;
import org.tierdesk.ticket.TicketKind;
import org.tierdesk.ticket.TicketStatus;
import org.tierdesk.ticket.Tickets;
import org.tierdesk.ticket.Tickets.Escalation;
import org.tierdesk.ticket.Tickets.EscalationType;
import org.tierdesk.ticket.Tickets.OpenTicket;

import jakarta.mail.internet.MimeMessage;

/** Notices out: resolution with working accept/reject links, escalation to the group, in the program's language. */
@DeskTest
class NoticesTests {

	@Autowired
	TestDesk testDesk;

	@Autowired
	Tickets tickets;

	@Autowired
	Channels channels;

	@Autowired
	Accounts accounts;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	String openTicket(Desk d) {
		return tickets.open(d.agent1().principal(), new OpenTicket(d.key(), d.customer().id(), TicketKind.INCIDENT,
				Channel.PHONE, "Cannot log in", "Since the password change.", null, null, null, null), null).ticket()
			.number();
	}

	@Test
	void theRequesterAcceptsAResolutionFromTheLinkInTheNoticeAndTheTicketCloses() throws Exception {
		TestMailServer.get();
		Desk d = testDesk.create();
		String number = openTicket(d);
		DeskPrincipal agent = d.agent1().principal();
		tickets.take(agent, number, null, "mine");
		tickets.resolve(agent, number, null, new Resolution(ResolutionCode.SOLVED, "Password reset done.", null, null));

		MimeMessage notice = MailIntakeTests.awaitMailTo(d.customer().email(), number + " resolved");
		String text = MailIntakeTests.body(notice);
		assertThat(text).contains("Password reset done.");
		Matcher link = Pattern.compile("http://localhost:8080(/respond/[0-9a-f.]+)\\?answer=accept").matcher(text);
		assertThat(link.find()).isTrue();
		String path = link.group(1);

		String page = mvc.perform(get(path).param("answer", "accept")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Password reset done.").contains("Accept the resolution");
		assertThat(tickets.get(agent, number).status()).isEqualTo(TicketStatus.RESOLVED);

		int refused = mvc.perform(post(path).param("answer", "accept")).andReturn().getResponse().getStatus();
		assertThat(refused).isEqualTo(403);
		String done = mvc.perform(post(path).with(csrf()).param("answer", "accept")).andReturn().getResponse()
			.getContentAsString();
		assertThat(done).contains("accepted");
		assertThat(tickets.get(agent, number).status()).isEqualTo(TicketStatus.CLOSED);

		String again = mvc.perform(post(path).with(csrf()).param("answer", "reject")).andReturn().getResponse()
			.getContentAsString();
		assertThat(again).contains("already been answered");
		int forged = mvc.perform(get(path.substring(0, path.length() - 4) + "beef")).andReturn().getResponse()
			.getStatus();
		assertThat(forged).isEqualTo(404);
	}

	@Autowired
	IntakePipeline pipeline;

	@Autowired
	org.tierdesk.support.Api api;

	@Test
	void aProgramWritesItsOwnAcknowledgementWithPlaceholdersThatAreFilledInNeverEvaluated() {
		Desk d = testDesk.create();
		String path = "/api/v1/programs/" + d.key() + "/channels/notices/acknowledgement/en";
		org.tierdesk.support.Api.Response bad = api.put(d.manager(), path,
				"{\"subject\":\"{{number}} {{password}}\",\"body\":\"x\"}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("subject").contains("password");
		assertThat(api.put(d.agent1(), path, "{\"subject\":\"a\",\"body\":\"b\"}").status()).isEqualTo(403);
		org.tierdesk.support.Api.Response saved = api.put(d.manager(), path,
				"{\"subject\":\"Fleet desk got {{ number }}\",\"body\":\"Dear {{name}}, ${T(java.lang.Runtime)} [[${number}]] is {{number}}.\"}");
		assertThat(saved.status()).isEqualTo(200);
		assertThat(api.get(d.manager(), "/api/v1/programs/" + d.key() + "/channels/notices").body())
			.contains("\"source\":\"PROGRAM\"").contains("\"source\":\"SHIPPED\"");

		IntakeOutcome opened = pipeline.receive(new InboundMessage(d.program().id(), Channel.EMAIL,
				"test:" + d.key(), d.customer().email(), "Customer", null, "Broken", "It broke.", null, null,
				"<x-" + d.key() + "@test.example>", true, null, null));

		Map<String, Object> ack = jdbc.queryForMap("select subject, body from intake_outbound where ticket_id = ?",
				opened.ticketId());
		assertThat(ack.get("SUBJECT")).isEqualTo("Fleet desk got " + opened.ticketNumber());
		assertThat((String) ack.get("BODY")).isEqualTo("Dear " + d.customer().displayName()
				+ ", ${T(java.lang.Runtime)} [[${number}]] is " + opened.ticketNumber() + ".");
		assertThat(api.call(d.manager(), org.springframework.http.HttpMethod.DELETE, path, null, Map.of()).status())
			.isEqualTo(204);
	}

	@Test
	void escalatedWorkIsAnnouncedToTheGroupAndPortugueseProgramsWriteInPortuguese() throws Exception {
		TestMailServer.get();
		Desk d = testDesk.create();
		DeskPrincipal admin = accounts.findByUsername("admin").orElseThrow().principal();
		channels.changeSettings(admin, d.key(), new Channels.SettingsForm(null, "pt", null, null, null));
		String number = openTicket(d);
		tickets.take(d.agent1().principal(), number, null, "mine");
		tickets.escalate(d.agent1().principal(), number, null,
				new Escalation(EscalationType.FUNCTIONAL, 2, d.tier2().id(), null, null, "needs a specialist"));

		MimeMessage notice = MailIntakeTests.awaitMailTo(d.agent2().email(), number);
		assertThat(notice.getSubject()).contains("atribuído a Specialists (nível 2)");
		assertThat(MailIntakeTests.body(notice)).contains("needs a specialist");
		assertThat(notice.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
		List<Map<String, Object>> sent = jdbc.queryForList(
				"select purpose, status from intake_outbound where ticket_id = (select id from ticket where number = ?)",
				number);
		assertThat(sent).isNotEmpty().allSatisfy(r -> assertThat(r.get("PURPOSE")).isEqualTo("ESCALATION"));
		assertThat(channels.sentAbout(d.agent1().principal(), number)).isNotEmpty();
		assertThat(tickets.entries(d.agent1().principal(), number)).extracting(e -> e.visibility())
			.containsOnly(EntryVisibility.PUBLIC);
	}
}
