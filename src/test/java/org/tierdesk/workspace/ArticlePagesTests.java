package org.tierdesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tierdesk.support.Api;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.Directories;
import org.tierdesk.support.MovableClock;
import org.tierdesk.support.Pages;
import org.tierdesk.support.Pages.Page;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

/** The knowledge base in the console, server side: write, submit, validate, publish, revise and compare. */
@DeskTest
class ArticlePagesTests {

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
		Directories.engineeringAuthorityFor(api, d, LocalDate.ofInstant(clock.instant(), ZoneId.of("UTC")), "R-Supply");
	}

	@Test
	void anArticleIsWrittenValidatedByTheAuthorityPublishedRevisedAndCompared() {
		Page blank = pages.post(d.agent1(), "/console/articles", "program", d.key(), "title", "", "problem", "p",
				"solution", "Kept as typed");
		assertThat(blank.redirect()).startsWith("/console/articles/new");
		assertThat(blank.flash()).containsKey("problem");

		Page written = pages.post(d.agent1(), "/console/articles", "program", d.key(), "title", "Requisitions hang",
				"problem", "Requisitions hang at Submitting", "solution", "Clear the queue, then resubmit", "systems",
				"R-Supply: 4.2\n", "audience", "PUBLIC");
		assertThat(written.redirect()).startsWith("/console/articles/KB-");
		String path = written.redirect();
		assertThat(pages.get(d.agent1(), path).html()).contains("DRAFT", "data-testid=\"submit-article\"");
		assertThat(pages.get(d.agent1(), "/console/articles?program=" + d.key()).html()).contains("Requisitions hang");
		assertThat(pages.post(d.agent1(), path + "/submission", "version", version(path)).flash())
			.containsEntry("done", "submission");
		Page notAuthority = pages.post(d.agent2(), path + "/validation", "version", version(path));
		assertThat(notAuthority.flash()).containsKey("problem");
		assertThat(pages.post(d.agent3(), path + "/validation", "version", version(path), "note", "checked")
			.flash()).containsEntry("done", "validation");
		assertThat(pages.post(d.manager(), path + "/publication", "version", version(path)).flash())
			.containsEntry("done", "publication");
		assertThat(pages.get(d.customer(), "/portal/knowledge?program=" + d.key() + "&text=requisitions").html())
			.contains("Requisitions hang");

		assertThat(pages.get(d.agent1(), path + "/edit").html()).contains("R-Supply: 4.2", "Clear the queue");
		Page revised = pages.post(d.agent1(), path, "version", version(path), "title", "Requisitions hang",
				"problem", "Requisitions hang at Submitting", "solution", "Clear the queue with the admin tool",
				"systems", "R-Supply: 4.2", "audience", "PUBLIC", "reason", "name the tool");
		assertThat(revised.flash()).as(String.valueOf(revised.flash())).containsEntry("done", "article");
		Page compared = pages.get(d.agent1(), path + "?from=1&to=2");
		assertThat(compared.html()).contains("data-testid=\"diff\"", "-Clear the queue, then resubmit",
				"+Clear the queue with the admin tool");
		assertThat(pages.get(d.customer(), path).status()).isEqualTo(403);
	}

	String version(String path) {
		return String.valueOf(api.get(d.agent1(), "/api/v1/articles/" + path.substring(path.lastIndexOf('/') + 1))
			.<Integer>json("$.version"));
	}

	@Test
	void aResolvedTicketBecomesADraftFromTheWorkspace() {
		String number = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"Printer offline","description":"Tray 2 jams",
				 "facts":{"affectedSystem":"R-Supply","affectedVersion":"4.2"}}""".formatted(d.key(), d.customer().id()))
			.json("$.number");
		api.post(d.agent1(), "/api/v1/tickets/" + number + "/ownership", "{}");
		Integer version = api.get(d.agent1(), "/api/v1/tickets/" + number).json("$.version");
		api.call(d.agent1(), org.springframework.http.HttpMethod.PUT, "/api/v1/tickets/" + number + "/resolution",
				"{\"code\":\"SOLVED\",\"solution\":\"Cleared the jam and reset the tray\"}",
				java.util.Map.of("If-Match", "\"" + version + "\""));
		assertThat(pages.get(d.agent1(), "/console/tickets/" + number).html()).contains("data-testid=\"article-from-ticket\"");
		Page drafted = pages.post(d.agent1(), "/console/tickets/" + number + "/article");
		assertThat(drafted.redirect()).startsWith("/console/articles/KB-").endsWith("/edit");
		assertThat(pages.get(d.agent1(), drafted.redirect()).html()).contains("Cleared the jam and reset the tray",
				"R-Supply: 4.2");
	}
}
