package org.tierdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tierdesk.support.Browser;
import org.tierdesk.support.ServerTest;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.Impact;
import org.tierdesk.ticket.Resolution;
import org.tierdesk.ticket.ResolutionCode;
import org.tierdesk.ticket.StructuredFacts;
import org.tierdesk.ticket.TicketKind;
import org.tierdesk.ticket.Tickets;
import org.tierdesk.ticket.Tickets.OpenTicket;
import org.tierdesk.ticket.Urgency;

/**
 * The reports and the survey in a real browser: the dashboard's charts and their tables, the periodic reports on
 * screen, both free of serious accessibility faults; and a customer answering the satisfaction survey in place on
 * their closed request. Screenshots are under {@code target/screenshots/}.
 */
@ServerTest
class ReportsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestDesk testDesk;

	@Autowired
	Tickets tickets;

	@Autowired
	Goals goals;

	@Autowired
	org.tierdesk.satisfaction.Surveys surveys;

	Desk d;

	Browser b;

	@BeforeEach
	void desk(TestInfo info) {
		d = testDesk.create();
		b = Browser.open("http://localhost:" + port, info.getTestMethod().orElseThrow().getName());
	}

	@AfterEach
	void close() {
		if (b != null) { // no browser when Chromium is missing: the test was skipped, not failed
			b.close();
		}
	}

	String closed(Channel channel, String subject) {
		DeskPrincipal agent = TestDesk.principal(d.agent1());
		String number = tickets.open(agent, new OpenTicket(d.key(), d.customer().id(), TicketKind.INCIDENT, channel,
				subject, "details", StructuredFacts.none(), "printing", Impact.MEDIUM, Urgency.MEDIUM), null)
			.ticket().number();
		tickets.take(agent, number, null, "mine");
		tickets.resolve(agent, number, null, new Resolution(ResolutionCode.SOLVED, "restarted", null, null));
		tickets.answerResolution(TestDesk.principal(d.customer()), number, null, true, null);
		return number;
	}

	@Test
	void theDashboardAndThePeriodicReportsReadWellAndOpenTheirNumbers() {
		closed(Channel.PHONE, "Printer jams");
		goals.set(TestDesk.principal(d.manager()), d.key(), "FIRST_CONTACT_RESOLUTION", 0.7);
		b.signIn(d.manager()).go("/console/reports?program=" + d.key() + "&period=DAY");
		b.waitUntil(w -> w.findElements(By.cssSelector("[data-testid='volume-chart'] polyline")).size() == 3);
		assertThat(b.all("[data-goal='FIRST_CONTACT_RESOLUTION']")).hasSize(1);
		assertThat(b.testId("ageing-table").isDisplayed()).as("the numbers are one click away").isFalse();
		// the summary is clicked as a user would activate it (the banner loading above moves the page while scrolling)
		((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript("arguments[0].click()",
				b.css("#age-h ~ details summary"));
		assertThat(b.testId("ageing-table").isDisplayed()).isTrue();
		b.screenshot("dashboard");
		for (String section : java.util.List.of("attain-h", "flow-h", "arrivals-h")) {
			((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript(
					"window.scrollTo(0, document.getElementById(arguments[0]).getBoundingClientRect().top + window.scrollY - 10)",
					section);
			b.screenshot("dashboard-" + section.replace("-h", ""));
		}
		assertThat(b.seriousViolations()).as("the dashboard").isEmpty();

		b.go("/console/reports/packs?program=" + d.key());
		((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript("arguments[0].click()",
				b.css("#kind-TROUBLE_CALLS"));
		b.click("show");
		b.waitUntil(w -> !w.findElements(By.cssSelector("[data-report='TROUBLE_CALLS'] table")).isEmpty());
		assertThat(b.css("[data-report='TROUBLE_CALLS']").getText()).contains("Printer jams");
		b.screenshot("trouble-calls");
		assertThat(b.seriousViolations()).as("the periodic reports").isEmpty();
	}

	@Test
	void theCustomerAnswersTheSurveyInPlaceOnTheirClosedRequest() {
		String number = closed(Channel.WEB, "Cannot reach the share");
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
			.until(() -> surveys.ofMyTicket(TestDesk.principal(d.customer()), number).isPresent());
		b.signIn(d.customer()).go("/portal/requests/" + number);
		b.waitUntil(w -> !w.findElements(By.cssSelector("[data-testid='survey'] input[name='score']")).isEmpty());
		assertThat(b.seriousViolations()).as("the request with its survey").isEmpty();
		b.click("survey-send");
		assertThat(b.all("[data-testid='survey-thanks']")).as("the browser asks for a score first").isEmpty();
		b.css("#score-4").click();
		b.type("survey-comment", "Quick, <b>thanks</b>");
		b.click("survey-send");
		b.waitForText("[data-testid='survey-thanks']", "Thank you");
		assertThat(b.path()).as("answered in place").isEqualTo("/portal/requests/" + number);
		b.screenshot("survey-answered");
		b.go("/portal/requests/" + number);
		b.waitForText("[data-testid='survey-done']", "4");
	}
}
