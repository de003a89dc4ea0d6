package org.tierdesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.Pages;
import org.tierdesk.support.Pages.Page;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

/** The customer portal and the vendor view, server side. */
@DeskTest
class PortalAndVendorPagesTests {

	@Autowired
	Pages pages;

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Autowired
	JdbcTemplate jdbc;

	Desk d;

	@BeforeEach
	void desk() {
		d = testDesk.create();
	}

	@Test
	void aCustomerOpensARequestWithTheStructuredFormAndSeesIt() {
		Page opened = pages.post(d.customer(), "/portal/requests", "program", d.key(), "kind", "INCIDENT", "subject",
				"Cannot print requisitions", "description", "The print button does nothing", "system", "R-Supply",
				"version", "4.2", "occurredAt", "2026-11-20T09:30");
		assertThat(opened.redirect()).startsWith("/portal/requests/").endsWith("?opened");
		String number = opened.redirect().replace("/portal/requests/", "").replace("?opened", "");
		Response t = api.get(d.agent1(), "/api/v1/tickets/" + number);
		assertThat(t.<String>json("$.channel")).isEqualTo("WEB");
		assertThat(t.<String>json("$.requester.username")).isEqualTo(d.customer().username());
		assertThat(t.<String>json("$.facts.affectedSystem")).isEqualTo("R-Supply");
		assertThat(pages.get(d.customer(), "/portal").html()).contains(number, "Cannot print requisitions");
		assertThat(pages.get(d.colleague(), "/portal").html()).doesNotContain(number);
	}

	@Test
	void aRequestWithoutASubjectComesBackWithWhatWasTyped() {
		Integer before = jdbc.queryForObject("select count(*) from ticket where program_id = ?", Integer.class,
				d.program().id());
		Page refused = pages.post(d.customer(), "/portal/requests", "program", d.key(), "kind", "INCIDENT",
				"subject", "", "description", "Everything I typed stays");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.html()).contains("id=\"request-subject-error\"", "Everything I typed stays",
				"aria-invalid=\"true\"");
		assertThat(jdbc.queryForObject("select count(*) from ticket where program_id = ?", Integer.class,
				d.program().id())).isEqualTo(before);
	}

	@Test
	void theCustomerSeesPublicRepliesButNeverInternalNotes() {
		String number = openAsCustomer("Slow logins");
		api.post(d.agent1(), "/api/v1/tickets/" + number + "/entries",
				"{\"visibility\":\"PUBLIC\",\"body\":\"We are looking at the login server\"}");
		api.post(d.agent1(), "/api/v1/tickets/" + number + "/entries",
				"{\"visibility\":\"INTERNAL\",\"body\":\"Suspect the vendor patch, do not tell yet\"}");
		String html = pages.get(d.customer(), "/portal/requests/" + number).html();
		assertThat(html).contains("We are looking at the login server").doesNotContain("Suspect the vendor patch");
	}

	@Test
	void theCustomerRepliesAndAcceptsTheResolution() {
		String number = openAsCustomer("VPN drops");
		Page replied = pages.post(d.customer(), "/portal/requests/" + number + "/replies", "body",
				"It happened again at 10:00");
		assertThat(replied.flash()).containsEntry("done", "reply");
		api.post(d.agent1(), "/api/v1/tickets/" + number + "/ownership", "{}");
		Integer version = api.get(d.agent1(), "/api/v1/tickets/" + number).json("$.version");
		Response resolved = api.call(d.agent1(), org.springframework.http.HttpMethod.PUT, "/api/v1/tickets/" + number
				+ "/resolution", "{\"code\":\"SOLVED\",\"solution\":\"Replaced the VPN profile\"}",
				java.util.Map.of("If-Match", "\"" + version + "\""));
		assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
		Page page = pages.get(d.customer(), "/portal/requests/" + number);
		assertThat(page.html()).contains("Replaced the VPN profile", "data-testid=\"accept\"");
		Integer resolvedVersion = api.get(d.agent1(), "/api/v1/tickets/" + number).json("$.version");
		Page rejectWithoutReason = pages.post(d.customer(), "/portal/requests/" + number + "/answer", "version",
				resolvedVersion.toString(), "accepted", "false", "reason", "");
		assertThat(rejectWithoutReason.flash()).containsKey("problem");
		Page accepted = pages.post(d.customer(), "/portal/requests/" + number + "/answer", "version",
				resolvedVersion.toString(), "accepted", "true");
		assertThat(accepted.flash()).containsEntry("done", "answer");
		assertThat(api.get(d.agent1(), "/api/v1/tickets/" + number).<String>json("$.status")).isEqualTo("CLOSED");
		assertThat(pages.get(d.colleague(), "/portal/requests/" + number).status()).isEqualTo(404);
	}

	@Test
	void theVendorSeesOnlyTicketsAssignedToItsGroupAndReturnsTheWork() {
		String assigned = openAsCustomer("Radar OEM fault");
		String other = openAsCustomer("Not for the vendor");
		api.post(d.agent1(), "/api/v1/tickets/" + assigned + "/ownership", "{}");
		Response escalated = api.post(d.agent1(), "/api/v1/tickets/" + assigned + "/escalations",
				"{\"groupId\":%d,\"reason\":\"OEM part under warranty\"}".formatted(d.vendorGroup().id()));
		assertThat(escalated.status()).as(escalated.toString()).isEqualTo(200);
		String list = pages.get(d.vendor(), "/vendor").html();
		assertThat(list).contains(assigned).doesNotContain(other);
		assertThat(pages.get(d.vendor(), "/vendor/tickets/" + other).status()).isEqualTo(404);
		Page ticket = pages.get(d.vendor(), "/vendor/tickets/" + assigned);
		assertThat(ticket.html()).contains("OEM part under warranty", "data-testid=\"return-work\"");
		Long assignmentId = jdbc.queryForObject("select a.id from ticket_assignment a join ticket t on t.id = a.ticket_id"
				+ " where t.number = ? and a.status = 'ACTIVE'", Long.class, assigned);
		Integer version = api.get(d.agent1(), "/api/v1/tickets/" + assigned).json("$.version");
		Page returned = pages.post(d.vendor(), "/vendor/tickets/" + assigned + "/assignments/" + assignmentId
				+ "/return", "version", version.toString(), "findings", "Replaced the board; fixed in firmware 7.1");
		assertThat(returned.redirect()).isEqualTo("/vendor");
		assertThat(jdbc.queryForObject("select status from ticket_assignment where id = ?", String.class, assignmentId))
			.isEqualTo("RETURNED");
		assertThat(jdbc.queryForObject("select findings from ticket_assignment where id = ?", String.class,
				assignmentId)).isEqualTo("Replaced the board; fixed in firmware 7.1");
		assertThat(pages.get(d.vendor(), "/vendor/tickets/" + assigned).status()).isEqualTo(404);
	}

	@Test
	void customersCannotOpenTheVendorViewNorAgentsThePortal() {
		assertThat(pages.get(d.customer(), "/vendor").status()).isEqualTo(403);
		assertThat(pages.get(d.agent1(), "/portal").status()).isEqualTo(403);
	}

	@Test
	void aFileIsDownloadedOnlyByThoseWhoMaySeeIt() {
		String number = openAsCustomer("With a file");
		Page posted = pages.perform(Pages.signedIn(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.multipart("/console/tickets/" + number + "/entries")
			.file(new org.springframework.mock.web.MockMultipartFile("files", "notes.txt", "text/plain",
					"internal findings".getBytes()))
			.param("visibility", "INTERNAL").param("body", "see the file"), d.agent1())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()));
		assertThat(posted.flash()).as(posted.flash().toString()).containsEntry("done", "entry");
		Long fileId = jdbc.queryForObject("select a.id from ticket_attachment a join ticket t on t.id = a.ticket_id"
				+ " where t.number = ?", Long.class, number);
		Page byAgent = pages.get(d.agent1(), "/files/tickets/" + number + "/" + fileId);
		assertThat(byAgent.status()).isEqualTo(200);
		assertThat(byAgent.html()).isEqualTo("internal findings");
		assertThat(byAgent.raw().getHeader("Content-Security-Policy")).isEqualTo("sandbox");
		assertThat(pages.get(d.customer(), "/files/tickets/" + number + "/" + fileId).status()).isEqualTo(404);
	}

	private String openAsCustomer(String subject) {
		Page opened = pages.post(d.customer(), "/portal/requests", "program", d.key(), "kind", "INCIDENT", "subject",
				subject, "description", "details");
		assertThat(opened.redirect()).as(opened.html()).startsWith("/portal/requests/");
		return opened.redirect().replace("/portal/requests/", "").replace("?opened", "");
	}
}
