package org.tierdesk.deficiency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tierdesk.support.Api;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.MovableClock;
import org.tierdesk.support.Pages;
import org.tierdesk.support.Pages.Page;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

/** Deficiency reports and releases in the console and at intake, server side. */
@DeskTest
class DeficiencyPagesTests {

	@Autowired
	Pages pages;

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Autowired
	MovableClock clock;

	Desk d;

	@BeforeEach
	void desk() {
		d = testDesk.create();
		DeficiencyTests.loadRSupply(api, d, LocalDate.ofInstant(clock.instant(), d.program().timeZone()));
	}

	String ticket(String version) {
		return api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"Requisitions <b>hang</b>",
				 "description":"Stuck at Submitting","facts":{"affectedSystem":"R-Supply","affectedVersion":"%s"}}"""
			.formatted(d.key(), d.customer().id(), version)).json("$.number");
	}

	@Test
	void anAgentRaisesAReportFromTheWorkspaceAndMovesItToAFixedRelease() {
		String number = ticket("4.2");
		assertThat(pages.get(d.agent1(), "/console/tickets/" + number).html())
			.contains("hx-get=\"/console/tickets/" + number + "/deficiencies\"");
		Page panel = pages.htmx(d.agent1(), "/console/tickets/" + number + "/deficiencies", "deficiency-panel");
		assertThat(panel.html()).contains("data-testid=\"raise-deficiency\"", "value=\"4.2\"",
				"Requisitions &lt;b&gt;hang&lt;/b&gt;");

		Page noTitle = pages.post(d.agent1(), "/console/tickets/" + number + "/deficiencies", "versionFound", "4.2",
				"severity", "HIGH", "title", "", "description", "Stuck");
		assertThat(noTitle.redirect()).isEqualTo("/console/tickets/" + number);
		assertThat(noTitle.flash()).containsKey("problem");
		Page raised = pages.post(d.agent1(), "/console/tickets/" + number + "/deficiencies", "versionFound", "4.2",
				"severity", "HIGH", "title", "Submit hangs", "description", "Stuck at Submitting", "workaround",
				"Split the requisition");
		assertThat(raised.redirect()).startsWith("/console/deficiencies/DR-");
		String report = raised.redirect().substring("/console/deficiencies/".length());

		assertThat(pages.htmx(d.agent1(), "/console/tickets/" + number + "/deficiencies", "deficiency-panel").html())
			.contains(report, "Split the requisition");
		assertThat(pages.get(d.agent1(), "/console/deficiencies?program=" + d.key()).html()).contains(report,
				"Submit hangs");
		Page page = pages.get(d.agent2(), "/console/deficiencies/" + report);
		assertThat(page.html()).contains("OPEN", d.tier3().name(), number, "UNDER_ANALYSIS");

		Page skipped = pages.post(d.agent2(), "/console/deficiencies/" + report + "/status", "status", "CLOSED");
		assertThat(skipped.flash()).containsKey("problem");
		assertThat(pages.post(d.agent2(), "/console/deficiencies/" + report + "/status", "status", "UNDER_ANALYSIS")
			.flash()).containsEntry("done", "move");
		assertThat(pages.get(d.agent2(), "/console/deficiencies/" + report).html())
			.contains("data-testid=\"deficiency-status\">UNDER_ANALYSIS<");
		assertThat(pages.get(d.customer(), "/console/deficiencies/" + report).status()).isEqualTo(403);
		assertThat(pages.get(testDesk.create().agent1(), "/console/deficiencies/" + report).status()).isEqualTo(404);
	}

	@Test
	void intakeShowsTheKnownErrorAndWarnsOfAnUnsupportedVersion() {
		String number = ticket("4.2");
		api.post(d.agent1(), "/api/v1/programs/" + d.key() + "/deficiencies", """
				{"system":"R-Supply","versionFound":"4.2","severity":"HIGH","title":"Submit hangs",
				 "description":"d","workaround":"Split the <i>requisition</i>","tickets":["%s"]}""".formatted(number));
		Page known = pages.htmx(d.customer(), "/known-issues?program=" + d.key() + "&system=rsup&version=4.2",
				"known-issues");
		assertThat(known.html()).contains("data-testid=\"known-error\"", "Split the &lt;i&gt;requisition&lt;/i&gt;")
			.doesNotContain("unsupported-version");
		Page old = pages.htmx(d.agent1(), "/known-issues?program=" + d.key() + "&system=R-Supply&version=4.1",
				"known-issues");
		assertThat(old.html()).contains("data-testid=\"unsupported-version\"", "past its end of support",
				"current release is 4.2").doesNotContain("known-error");
		assertThat(pages.htmx(testDesk.create().customer(), "/known-issues?program=" + d.key()
				+ "&system=R-Supply&version=4.1", "known-issues").status()).isEqualTo(404);
		assertThat(pages.get(d.customer(), "/portal/requests/new").html())
			.contains("hx-get=\"/known-issues\"", "id=\"known-issues\"");
		assertThat(pages.get(d.agent1(), "/console/calls/new").html()).contains("hx-get=\"/known-issues\"");
	}

	@Test
	void theReleasesPageListsTheCurrentReleaseAndTheEndedOnes() {
		String html = pages.get(d.agent1(), "/console/releases?program=" + d.key()).html();
		assertThat(html).contains("R-Supply", ">4.2<", ">4.1<", ">4.3<");
		assertThat(pages.get(d.customer(), "/console/releases").status()).isEqualTo(403);
	}
}
