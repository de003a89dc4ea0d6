package org.tierdesk.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.tierdesk.support.Api;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.Pages;
import org.tierdesk.support.Pages.Page;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

/** Advisories in the console and the portal, server side: write, approve, publish, the banner, acknowledgement. */
@DeskTest
class AdvisoryPagesTests {

	@Autowired
	Pages pages;

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	Desk d;

	@BeforeEach
	void desk() {
		d = testDesk.create();
	}

	@Test
	void theDeskWritesApprovesAndPublishesAndTheCustomerAcknowledgesFromTheBanner() {
		Page blank = pages.post(d.agent1(), "/console/advisories", "program", d.key(), "kind", "NOTICE", "title", "",
				"body", "Kept as typed");
		assertThat(blank.flash()).containsKey("problem").containsKey("draft");
		assertThat(pages.perform(Pages.signedIn(MockMvcRequestBuilders.get("/console/advisories")
			.flashAttr("problem", blank.flash().get("problem")).flashAttr("draft", blank.flash().get("draft")),
				d.agent1())).html()).contains("id=\"advisory-title-error\"", "Kept as typed");

		Page written = pages.post(d.agent1(), "/console/advisories", "program", d.key(), "kind", "NOTICE",
				"severity", "WARNING", "title", "Portal <script>alert(1)</script> maintenance", "body",
				"Saturday 02:00-04:00", "requiresAcknowledgement", "on");
		assertThat(written.redirect()).startsWith("/advisories/ADV-");
		String path = written.redirect();
		String number = path.substring("/advisories/".length());
		assertThat(pages.get(d.agent1(), path).html()).contains("data-testid=\"submit\"")
			.doesNotContain("<script>alert(1)</script>");
		pages.post(d.agent1(), path + "/submission");
		assertThat(pages.get(d.agent1(), path).html()).as("agents do not approve").doesNotContain("data-testid=\"approve\"");
		assertThat(pages.post(d.manager(), path + "/approval").flash()).containsEntry("done", "approval");
		assertThat(pages.post(d.manager(), path + "/publication").flash()).containsEntry("done", "publication");
		assertThat(pages.get(d.manager(), path).html()).contains("PUBLISHED", "data-testid=\"recipients\"");

		Page banner = pages.htmx(d.customer(), "/advisories/banner", "advisory-banner");
		assertThat(banner.html()).contains(number, "Portal &lt;script&gt;", "data-testid=\"acknowledge\"",
				"alert-warning");
		assertThat(pages.get(d.customer(), "/portal").html()).contains("hx-get=\"/advisories/banner\"");
		assertThat(pages.get(d.customer(), path).html()).contains("Saturday 02:00-04:00", "data-testid=\"acknowledge\"");
		Page acknowledged = pages.perform(Pages.signedIn(MockMvcRequestBuilders.post(path + "/acknowledgement")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.header("HX-Request", "true"), d.customer()));
		assertThat(acknowledged.html()).contains("id=\"advisory-banner\"").doesNotContain(number);
		assertThat(pages.get(d.customer(), path).html()).contains("data-testid=\"acknowledged\"");
		assertThat(pages.get(d.manager(), path).html()).contains("1 acknowledged");
		assertThat(pages.get(testDesk.create().customer(), path).status()).isEqualTo(404);
		assertThat(pages.get(d.customer(), "/console/advisories").status()).isEqualTo(403);
	}
}
