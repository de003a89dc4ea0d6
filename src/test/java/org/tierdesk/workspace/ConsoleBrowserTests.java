package org.tierdesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tierdesk.support.Browser;
import org.tierdesk.support.ServerTest;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

/**
 * The desk in a real browser (headless Chromium): the journeys people make, keyboard included, hostile content,
 * program isolation, the language switch and accessibility (axe-core) of the main pages. Screenshots of every step
 * are under {@code target/screenshots/}.
 */
@ServerTest
class ConsoleBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestDesk testDesk;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.tierdesk.ticket.Tickets tickets;

	Desk d;

	final List<Browser> browsers = new java.util.ArrayList<>();

	String name;

	@BeforeEach
	void desk(TestInfo info) {
		d = testDesk.create();
		name = info.getTestMethod().orElseThrow().getName();
	}

	@AfterEach
	void close() {
		browsers.forEach(Browser::close);
	}

	Browser browser() {
		Browser b = Browser.open("http://localhost:" + port, name + (browsers.isEmpty() ? "" : "-" + browsers.size()));
		browsers.add(b);
		return b;
	}

	@Test
	void anAgentLogsACallTier2ReturnsFindingsTheOwnerResolvesAndTheCustomerAccepts() {
		Browser b = browser().signIn(d.agent1());
		assertThat(b.path()).startsWith("/console");
		b.go("/console/calls/new");
		b.type("name", d.customer().displayName());
		b.waitForText("[data-testid='caller-panel']", d.customer().displayName());
		b.type("subject", "Requisitions hang on submit");
		b.type("notes", "Stuck at 'Submitting' since this morning's update");
		b.type("system", "R-Supply");
		b.screenshot("call-typed");
		b.click("save-call");
		b.waitForText("[data-testid='ticket-owner']", d.agent1().displayName());
		String number = b.testId("ticket-number").getText();
		b.screenshot("ticket-logged");

		b.reveal("esc-group").choose("esc-group", String.valueOf(d.tier2().id()));
		b.type("esc-reason", "Needs the application specialists");
		b.click("escalate");
		b.waitForText("[data-testid='ticket-assignment']", d.tier2().name());
		b.screenshot("escalated");
		b.signOut();

		b.signIn(d.agent2()).go("/console?queue=groups");
		assertThat(b.css("#results").getText()).contains(number);
		b.go("/console/tickets/" + number);
		b.type("findings", "Cleared the stuck queue; root cause is a lock after the update");
		b.click("return-work");
		b.waitForText("[data-testid='ticket-assignment']", "-");
		b.screenshot("work-returned");
		b.signOut();

		b.signIn(d.agent1()).go("/console/tickets/" + number);
		assertThat(b.testId("timeline").getText()).contains("Cleared the stuck queue");
		b.reveal("res-solution").type("res-solution", "Cleared the stuck queue; the fix ships in 4.3");
		b.click("resolve");
		b.waitForText("[data-testid='ticket-status']", "Resolved");
		b.screenshot("resolved");
		b.signOut();

		b.signIn(d.customer());
		assertThat(b.path()).startsWith("/portal");
		b.go("/portal/requests/" + number);
		assertThat(b.testId("resolution").getText()).contains("the fix ships in 4.3");
		b.screenshot("customer-sees-resolution");
		b.click("accept");
		b.waitForText("[data-testid='request-status']", "Closed");
		b.screenshot("accepted");
		assertThat(jdbc.queryForObject("select status from ticket where number = ?", String.class, number))
			.isEqualTo("CLOSED");
	}

	@Test
	void aCustomerAndAnAgentChatInTwoBrowserWindows() {
		Browser agent = browser().signIn(d.agent1()).go("/console/chats");
		agent.waitUntil(w -> agent.css("[data-chat]").getAttribute("data-chat-connected") != null);
		Browser customer = browser().signIn(d.customer()).go("/portal/chat");
		customer.waitUntil(w -> customer.css("[data-chat]").getAttribute("data-chat-connected") != null);
		customer.type("chat-topic", "The share drive is gone <b>bold?</b>");
		customer.click("start-chat");
		customer.waitForText("[data-chat-position]", "1");
		customer.screenshot("waiting");

		agent.waitForText("[data-testid='waiting-chats']", "The share drive is gone");
		agent.screenshot("queue");
		agent.click("pick");
		customer.waitForText("[data-chat-position]", d.agent1().displayName());
		customer.type("say", "S: is missing since this morning<img src=x onerror=\"window.__pwned=1\">");
		customer.click("say");
		agent.waitForText("[data-testid='chat-lines']", "S: is missing since this morning");
		agent.type("say", "Reconnect it with net use S:");
		agent.click("say");
		customer.waitForText("[data-testid='chat-lines']", "Reconnect it with net use S:");
		assertThat(agent.driver().executeScript("return window.__pwned === undefined")).isEqualTo(true);
		assertThat(agent.all("[data-testid='chat-lines'] img")).isEmpty();
		customer.screenshot("conversation");
		agent.click("end-chat");
		agent.waitUntil(w -> agent.css("[data-chat-ticket]").isDisplayed());
		String number = agent.css("[data-chat-ticket]").getText();
		customer.waitUntil(w -> customer.css("[data-chat-ticket]").getText().equals(number));
		agent.screenshot("ended");
		String transcript = jdbc.queryForObject("select e.body from ticket_entry e join ticket t on t.id = e.ticket_id"
				+ " where t.number = ? order by e.id fetch first 1 rows only", String.class, number);
		assertThat(transcript).contains("S: is missing since this morning", "Reconnect it with net use S:");
	}

	@Test
	void aNewTicketAppearsInAnOpenQueueWithoutReloading() {
		Browser b = browser().signIn(d.agent1()).go("/console?queue=open&program=" + d.key());
		b.driver().executeScript("window.__sameDocument = true");
		tickets.open(TestDesk.principal(d.agent1()), new org.tierdesk.ticket.Tickets.OpenTicket(d.key(),
				d.customer().id(), org.tierdesk.ticket.TicketKind.INCIDENT, org.tierdesk.ticket.Channel.PHONE,
				"Arrived while watching", "x", null, null, null, null), null);
		b.waitForText("#results", "Arrived while watching");
		assertThat(b.driver().executeScript("return window.__sameDocument === true")).isEqualTo(true);
		assertThat(b.css("[data-count='open']").getText()).isEqualTo("1");
		b.screenshot("live");
	}

	/** Tier 1 logs and resolves a simple call with the keyboard alone; the time it took is printed, not asserted. */
	@Test
	void aSimpleCallIsLoggedAndResolvedWithTheKeyboardAlone() {
		Browser b = browser().signIn(d.agent1()).go("/console/calls/new");
		long started = System.nanoTime();
		assertThat(b.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("phone");
		org.openqa.selenium.WebElement at = b.driver().switchTo().activeElement();
		at.sendKeys(Keys.TAB);
		b.driver().switchTo().activeElement().sendKeys(d.customer().displayName());
		b.waitForText("[data-testid='caller-panel']", d.customer().displayName());
		tabTo(b, "subject").sendKeys("Password reset");
		tabTo(b, "notes").sendKeys("Locked out after leave; reset and verified with the caller");
		tabTo(b, "resolveNow").sendKeys(Keys.SPACE);
		tabTo(b, "solution").sendKeys("Password reset, login verified");
		b.driver().switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
		b.waitForText("[data-testid='ticket-status']", "Resolved");
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("[tierdesk] keyboard-only call logged and resolved in %.1f s of browser time%n", seconds);
		assertThat(b.testId("ticket-owner").getText()).isEqualTo(d.agent1().displayName());
		b.screenshot("resolved-by-keyboard");
	}

	private static org.openqa.selenium.WebElement tabTo(Browser b, String id) {
		for (int i = 0; i < 40; i++) {
			org.openqa.selenium.WebElement now = b.driver().switchTo().activeElement();
			if (id.equals(now.getAttribute("id"))) {
				return now;
			}
			now.sendKeys(Keys.TAB);
		}
		throw new AssertionError("#" + id + " cannot be reached with the Tab key");
	}

	@Test
	void aScriptInATicketNeverRuns() {
		Browser b = browser().signIn(d.customer());
		b.go("/portal/requests/new");
		b.type("subject", "<script>window.__pwned = 'subject'</script>");
		b.type("description", "<img src=x onerror=\"window.__pwned='body'\"><svg onload=\"window.__pwned='svg'\">");
		b.click("submit-request");
		b.waitForText("[data-testid='request-subject']", "<script>");
		assertThat(b.driver().executeScript("return window.__pwned === undefined")).isEqualTo(true);
		String number = b.path().replaceAll(".*/requests/([^?]+).*", "$1");
		b.signOut().signIn(d.agent1()).go("/console/tickets/" + number);
		assertThat(b.testId("ticket-subject").getText()).isEqualTo("<script>window.__pwned = 'subject'</script>");
		assertThat(b.driver().executeScript("return window.__pwned === undefined")).isEqualTo(true);
		b.go("/console?queue=open&program=" + d.key());
		assertThat(b.driver().executeScript("return window.__pwned === undefined")).isEqualTo(true);
		b.screenshot("escaped");
	}

	@Test
	void aUserOfOneProgramCannotOpenAnotherProgramsTicketPage() {
		Browser b = browser().signIn(d.customer());
		b.go("/portal/requests/new").type("subject", "Ours alone").type("description", "private");
		b.click("submit-request");
		b.waitForText("[data-testid='request-subject']", "Ours alone");
		String number = b.path().replaceAll(".*/requests/([^?]+).*", "$1");
		b.signOut();
		Desk other = testDesk.create();
		b.signIn(other.agent1()).go("/console/tickets/" + number);
		assertThat(b.testId("error").getText()).contains("Not found");
		assertThat(b.driver().getPageSource()).doesNotContain("Ours alone");
		b.screenshot("other-program-refused");
	}

	@Test
	void signingInGivesTheBrowserANewSession() {
		Browser b = browser().go("/login");
		String before = b.driver().manage().getCookieNamed("JSESSIONID").getValue();
		b.signIn(d.agent1());
		String after = b.driver().manage().getCookieNamed("JSESSIONID").getValue();
		assertThat(after).as("session fixation protection").isNotEqualTo(before);
		assertThat(b.driver().manage().getCookieNamed("JSESSIONID").isHttpOnly()).isTrue();
	}

	@Test
	void theLanguageSwitchTurnsTheConsolePortuguese() {
		Browser b = browser().signIn(d.agent1());
		b.go("/console");
		assertThat(b.css("h1").getText()).isEqualTo("Queues");
		b.click("language-switch");
		b.waitForText("h1", "Filas");
		assertThat(b.css("html").getAttribute("lang")).isEqualTo("pt");
		b.go("/console/calls/new");
		assertThat(b.css("h1").getText()).isEqualTo("Registar uma chamada");
		b.screenshot("portuguese");
	}

	@Test
	void keyboardShortcutsAreListedOnQuestionMarkAndTakeTheTicket() {
		Browser b = browser().signIn(d.customer());
		b.go("/portal/requests/new").type("subject", "Keyboard only").type("description", "x");
		b.click("submit-request");
		b.waitForText("[data-testid='request-subject']", "Keyboard only");
		String number = b.path().replaceAll(".*/requests/([^?]+).*", "$1");
		b.signOut().signIn(d.agent1()).go("/console/tickets/" + number);
		b.css("body").sendKeys("?");
		assertThat(b.css("#shortcuts").isDisplayed()).isTrue();
		assertThat(b.css("#shortcuts").getText()).contains("Take the ticket", "Escalate", "Resolve");
		b.screenshot("shortcuts");
		b.css("#shortcuts button").click();
		if (!b.all("[data-testid='take']").isEmpty()) {
			b.css("body").sendKeys("t");
			b.waitForText("[data-testid='ticket-owner']", d.agent1().displayName());
		}
		b.css("body").sendKeys("r");
		assertThat(b.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("entry-body");
		b.driver().switchTo().activeElement().sendKeys("Sent with the keyboard");
		b.driver().switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
		b.waitForText("[data-testid='timeline']", "Sent with the keyboard");
		assertThat(b.driver().findElements(By.cssSelector(".tl-REPLY"))).isNotEmpty();
	}

	@Test
	void theMainPagesHaveNoSeriousAccessibilityViolations() {
		Browser b = browser().signIn(d.customer());
		b.go("/portal/requests/new");
		assertThat(b.seriousViolations()).as("new request").isEmpty();
		b.type("subject", "Accessible").type("description", "x");
		b.click("submit-request");
		b.waitForText("[data-testid='request-subject']", "Accessible");
		String number = b.path().replaceAll(".*/requests/([^?]+).*", "$1");
		assertThat(b.seriousViolations()).as("request").isEmpty();
		b.go("/portal");
		assertThat(b.seriousViolations()).as("portal").isEmpty();
		b.go("/portal/chat");
		assertThat(b.seriousViolations()).as("portal chat").isEmpty();
		b.phoneSized().go("/portal/requests/new");
		b.screenshot("portal-on-a-phone");
		assertThat(b.seriousViolations()).as("new request on a phone").isEmpty();
		assertThat((Long) b.driver().executeScript("return document.documentElement.scrollWidth"))
			.as("no sideways scrolling on a phone").isLessThanOrEqualTo(400L);
		b.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
		b.signOut().signIn(d.agent1());
		for (String page : List.of("/console", "/console?queue=open&program=" + d.key(), "/console/calls/new",
				"/console/chats", "/console/tickets/" + number, "/login")) {
			if (page.equals("/login")) {
				b.signOut();
			}
			b.go(page);
			assertThat(b.seriousViolations()).as(page).isEmpty();
		}
		b.signIn(d.vendor()).go("/vendor");
		assertThat(b.seriousViolations()).as("vendor").isEmpty();
		b.signOut().signIn(d.manager());
		for (String section : List.of("", "/groups", "/people", "/routing", "/service-levels", "/imports", "/channels")) {
			b.go("/admin/programs/" + d.key() + section);
			assertThat(b.seriousViolations()).as("admin " + section).isEmpty();
		}
	}

	@Test
	void anAdministrationFormShowsItsErrorBesideTheField() {
		Browser b = browser().signIn(d.manager()).go("/admin/programs/" + d.key() + "/groups");
		b.type("g-name", " ");
		b.click("create-group");
		b.waitUntil(w -> !b.all("#group-name-error").isEmpty());
		assertThat(b.field("group-name-error").getText()).isEqualTo("required");
		assertThat(b.field("g-name").getAttribute("aria-invalid")).isEqualTo("true");
		b.screenshot("error-beside-field");
		b.type("g-name", "Night shift").click("create-group");
		b.waitForText("main", "Night shift");
		assertThat(b.all("#group-name-error")).isEmpty();
	}
}
