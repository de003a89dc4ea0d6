package org.tierdesk.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tierdesk.deficiency.DeficiencyReports;
import org.tierdesk.deficiency.Severity;
import org.tierdesk.directory.Directory;
import org.tierdesk.directory.DirectoryDocument;
import org.tierdesk.directory.DirectoryDocument.AuthorityEntry;
import org.tierdesk.directory.DirectoryDocument.ReleaseEntry;
import org.tierdesk.directory.DirectoryDocument.SystemEntry;
import org.tierdesk.support.Browser;
import org.tierdesk.support.MovableClock;
import org.tierdesk.support.ServerTest;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

/**
 * What customers and agents are told, in a real browser: the advisory banner on the portal and its acknowledgement in
 * place, the heads-up pinned in the console, and the known error and unsupported-version warning while a request is
 * typed. Screenshots are under {@code target/screenshots/}.
 */
@ServerTest
class NoticesBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestDesk testDesk;

	@Autowired
	Advisories advisories;

	@Autowired
	Directory directory;

	@Autowired
	DeficiencyReports reports;

	@Autowired
	MovableClock clock;

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

	String published(AdvisoryKind kind, String title) {
		AdvisoryForm form = new AdvisoryForm(kind, null, "CRITICAL", title, "Details follow.", List.of(), List.of(),
				List.of(), List.of(), false, false, true, null, null, null);
		String number = advisories.write(TestDesk.principal(d.agent1()), d.key(), form).number();
		advisories.submit(TestDesk.principal(d.agent1()), number, null);
		advisories.approve(TestDesk.principal(d.manager()), number, null, null);
		advisories.publish(TestDesk.principal(d.manager()), number, null);
		return number;
	}

	@Test
	void theCustomerSeesTheAdvisoryOnThePortalAndAcknowledgesItInPlace() {
		String number = published(AdvisoryKind.NOTICE, "R-Supply is down Saturday <img src=x onerror=alert(1)>");
		b.signIn(d.customer()).go("/portal");
		b.waitForText("[data-testid='advisory']", number);
		assertThat(b.css("[data-testid='advisory']").getText()).contains("<img src=x onerror=alert(1)>");
		assertThat(b.all("img[src='x']")).as("escaped, never markup").isEmpty();
		assertThat(b.seriousViolations()).as("portal with a banner").isEmpty();
		b.screenshot("portal-banner");
		b.click("acknowledge");
		b.waitUntil(w -> w.findElements(By.cssSelector("[data-testid='advisory']")).isEmpty());
		b.go("/advisories/" + number);
		assertThat(b.testId("acknowledged").getText()).isNotBlank();
		b.go("/portal");
		assertThat(b.all("[data-testid='advisory']")).as("acknowledged: off the banner").isEmpty();
	}

	@Test
	void aHeadsUpIsPinnedInTheConsoleButNotShownToCustomers() {
		String number = published(AdvisoryKind.HEADS_UP, "Known issue: radar feed drops");
		b.signIn(d.agent2()).go("/console");
		b.waitForText("[data-testid='advisory']", number);
		b.screenshot("console-heads-up");
		b.signOut().signIn(d.customer()).go("/portal");
		b.waitUntil(w -> w.findElements(By.id("advisory-banner")).size() == 1
				&& w.findElements(By.cssSelector("[data-testid='advisory-banner']")).size() == 1);
		assertThat(b.all("[data-testid='advisory']")).isEmpty();
	}

	@Test
	void typingASystemAndVersionShowsTheKnownErrorAndTheUnsupportedVersion() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), d.program().timeZone());
		directory.importDocument(TestDesk.principal(d.manager()), d.key(), new DirectoryDocument(d.key(),
				List.of(new SystemEntry("R-Supply", List.of("RSUP"), "SOFTWARE",
						List.of(new ReleaseEntry("4.1", null, today.minusDays(5).toString()),
								new ReleaseEntry("4.2", today.minusDays(5).toString(), null)),
						List.of(new AuthorityEntry(2, d.tier2().name(), null, null, null, null)), "PMW",
						today.minusDays(1).toString(), today.plusDays(100).toString()))),
				null);
		String report = reports.raise(TestDesk.principal(d.agent1()), d.key(), new DeficiencyReports.Raise("R-Supply",
				"4.2", Severity.HIGH, "Submit hangs on long requisitions", "d", null, "Split it under 50 lines", List.of()))
			.number();
		b.signIn(d.customer()).go("/portal/requests/new");
		b.type("system", "rsup").type("version", "4.2");
		b.waitForText("[data-testid='known-error']", report);
		assertThat(b.css("[data-testid='known-error']").getText()).contains("Split it under 50 lines");
		b.type("version", "4.1");
		b.waitForText("[data-testid='unsupported-version']", "end of support");
		assertThat(b.all("[data-testid='known-error']")).isEmpty();
		b.screenshot("request-form-warnings");
		assertThat(b.seriousViolations()).isEmpty();
	}
}
