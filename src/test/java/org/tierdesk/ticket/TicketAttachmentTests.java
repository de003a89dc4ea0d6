package org.tierdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;
import org.tierdesk.ticket.Tickets.OpenTicket;

@DeskTest
class TicketAttachmentTests {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0,
			0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0 };

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Autowired
	Tickets tickets;

	String ticket(Desk d) {
		return tickets.open(TestDesk.principal(d.customer()), new OpenTicket(null, null, TicketKind.INCIDENT,
				Channel.WEB, "Screen", "See the screenshot", null, null, null, null), null).ticket().number();
	}

	@Test
	void storesTheBytesAndServesThemAsADownloadThatBrowsersWillNotSniff() {
		Desk d = testDesk.create();
		String n = ticket(d);
		String html = "<html><script>alert(1)</script></html>";
		Response up = api.upload(d.customer(), "/api/v1/tickets/" + n + "/attachments",
				new MockMultipartFile("file", "../../etc/report.png", "image/png", html.getBytes()));
		assertThat(up.status()).as(up.toString()).isEqualTo(201);
		assertThat((String) up.json("$.fileName")).isEqualTo("report.png");
		assertThat((String) up.json("$.contentType")).as("detected from the bytes, not the claimed type")
			.isEqualTo("text/html");
		long id = ((Number) up.json("$.id")).longValue();

		Response down = api.get(d.agent1(), "/api/v1/tickets/" + n + "/attachments/" + id);
		assertThat(down.status()).isEqualTo(200);
		assertThat(down.body()).isEqualTo(html);
		assertThat(down.header("Content-Disposition")).startsWith("attachment").contains("report.png");
		assertThat(down.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(down.header("Content-Security-Policy")).isEqualTo("sandbox");
		assertThat(api.get(d.agent1(), "/api/v1/tickets/" + n + "/history").<List<String>>json("$[*].action"))
			.contains("ATTACHMENT_ADDED");
	}

	@Test
	void detectsAnImageFromItsBytes() {
		Desk d = testDesk.create();
		String n = ticket(d);
		Response up = api.upload(d.customer(), "/api/v1/tickets/" + n + "/attachments",
				new MockMultipartFile("file", "screenshot", "application/octet-stream", PNG));
		assertThat((String) up.json("$.contentType")).isEqualTo("image/png");
		assertThat((Integer) up.json("$.size")).isEqualTo(PNG.length);
		assertThat((String) up.json("$.sha256")).hasSize(64);
	}

	@Test
	void refusesAnAttachmentOverTheLimitWith413() {
		Desk d = testDesk.create();
		String n = ticket(d);
		Response up = api.upload(d.customer(), "/api/v1/tickets/" + n + "/attachments",
				new MockMultipartFile("file", "big.bin", "application/octet-stream", new byte[65 * 1024]));
		assertThat(up.status()).isEqualTo(413);
		assertThat(api.get(d.customer(), "/api/v1/tickets/" + n + "/attachments").<List<Object>>json("$")).isEmpty();
	}

	@Test
	void anAttachmentOfAnotherTicketIsNotFound() {
		Desk d = testDesk.create();
		String first = ticket(d);
		String second = ticket(d);
		Response up = api.upload(d.customer(), "/api/v1/tickets/" + first + "/attachments",
				new MockMultipartFile("file", "a.txt", "text/plain", "a".getBytes()));
		long id = ((Number) up.json("$.id")).longValue();
		assertThat(api.get(d.customer(), "/api/v1/tickets/" + second + "/attachments/" + id).status()).isEqualTo(404);
	}
}
