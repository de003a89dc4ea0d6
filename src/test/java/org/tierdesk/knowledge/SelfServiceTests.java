package org.tierdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.MovableClock;
import org.tierdesk.support.Pages;
import org.tierdesk.support.Pages.Page;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

/** Tier 0 in the portal: answers suggested while a request is typed, read, rated, and deflection counted. */
@DeskTest
class SelfServiceTests {

	@Autowired
	Api api;

	@Autowired
	Pages pages;

	@Autowired
	TestDesk testDesk;

	@Autowired
	MovableClock clock;

	@Autowired
	Deflection deflection;

	@Autowired
	JdbcTemplate jdbc;

	Desk d;

	String published;

	@BeforeEach
	void desk() {
		d = testDesk.create();
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("UTC"));
		api.post(d.manager(), "/api/v1/programs/" + d.key() + "/directory/import", """
				{"systems":[{"name":"R-Supply","type":"SOFTWARE","authorities":[{"tier":3,"group":"%s"}],
				  "verifiedBy":"PMW-150","verifiedAt":"%s","reviewDue":"%s"}]}"""
			.formatted(d.tier3().name(), today.minusDays(1), today.plusDays(300)));
		Response r = api.post(d.agent1(), "/api/v1/programs/" + d.key() + "/articles", """
				{"title":"Requisition stuck at Submitting","problem":"The requisition never posts",
				 "solution":"Reload the page; <script>alert(1)</script> is not the fix","systems":{"R-Supply":null},
				 "audience":"PUBLIC"}""");
		published = r.json("$.number");
		api.post(d.agent1(), "/api/v1/articles/" + published + "/submission", "{}");
		api.post(d.agent3(), "/api/v1/articles/" + published + "/validation", "{}");
		api.post(d.manager(), "/api/v1/articles/" + published + "/publication", "{}");
	}

	Page suggestions(String subject) {
		return pages.htmx(d.customer(), "/portal/suggestions?program=" + d.key() + "&subject=" + subject, "suggestions");
	}

	@Test
	void answersAreSuggestedWhileTheRequestIsTypedAndTheirTextIsEscaped() {
		await().atMost(Duration.ofSeconds(5)).until(() -> suggestions("requisition").html().contains(published));
		Page page = suggestions("requisitions+stuck");
		assertThat(page.html()).contains("Requisition stuck at Submitting", "fromRequest=true").doesNotContain("<html");
		Page searched = pages.get(d.customer(), "/portal/knowledge?text=reload");
		assertThat(searched.html()).contains("<mark>Reload</mark>").doesNotContain("<script>alert");
		Page article = pages.get(d.customer(), "/portal/articles/" + published);
		assertThat(article.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
		assertThat(pages.post(d.customer(), "/portal/articles/" + published + "/feedback", "helpful", "true").flash())
			.containsEntry("done", "feedback");
		assertThat(api.get(d.agent1(), "/api/v1/articles/" + published).<Integer>json("$.helpful")).isEqualTo(1);
	}

	@Test
	void anAnswerReadFromTheRequestFormWithNoRequestAfterItIsADeflectedContact() {
		Instant start = clock.instant();
		pages.get(d.customer(), "/portal/articles/" + published + "?fromRequest=true");
		pages.get(d.colleague(), "/portal/articles/" + published + "?fromRequest=true");
		clock.advance(Duration.ofMinutes(5));
		Page opened = pages.post(d.colleague(), "/portal/requests", "program", d.key(), "kind", "INCIDENT", "subject",
				"Still stuck", "description", "the article did not help");
		assertThat(opened.redirect()).startsWith("/portal/requests/");
		await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
				"select count(*) from knowledge_article_view where program_id = ? and followed_by is not null",
				Integer.class, d.program().id()) == 1);
		clock.advance(Duration.ofMinutes(31));
		assertThat(deflection.deflected(d.program().id(), start, clock.instant()))
			.as("the customer who read and left counts; the colleague who then asked does not").isEqualTo(1);
	}

	@Test
	void draftsAndAgentArticlesAreNeverSuggestedToCustomers() {
		Response draft = api.post(d.agent1(), "/api/v1/programs/" + d.key() + "/articles", """
				{"title":"Requisition purge procedure","problem":"requisition table","solution":"internal steps",
				 "systems":{"R-Supply":null},"audience":"PUBLIC"}""");
		await().atMost(Duration.ofSeconds(5)).until(() -> suggestions("requisition").html().contains(published));
		assertThat(suggestions("requisition").html()).doesNotContain(draft.<String>json("$.number"));
		assertThat(pages.get(d.customer(), "/portal/articles/" + draft.<String>json("$.number")).status()).isEqualTo(404);
	}

	@Test
	void theAgentWorkspaceOffersRelatedAnswersAndSimilarTicketsAndRecordsTheAnswerUsed() {
		String first = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"Requisition stuck again","description":"x"}"""
			.formatted(d.key(), d.customer().id())).json("$.number");
		String second = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"Requisition stuck on submit","description":"y"}"""
			.formatted(d.key(), d.colleague().id())).json("$.number");
		await().atMost(Duration.ofSeconds(5)).until(() -> {
			String html = pages.get(d.agent1(), "/console/tickets/" + first).html();
			return html.contains("/console/articles/" + published) && html.contains("/console/tickets/" + second);
		});
		Page used = pages.post(d.agent1(), "/console/tickets/" + first + "/articles/" + published);
		assertThat(used.flash()).containsEntry("done", "article");
		assertThat(api.get(d.agent1(), "/api/v1/articles/" + published).<Integer>json("$.ticketLinks")).isEqualTo(1);
		Page article = pages.get(d.agent1(), "/console/articles/" + published);
		assertThat(article.status()).isEqualTo(200);
		assertThat(article.html()).contains("PUBLISHED", "VALIDATED").doesNotContain("<script>alert");
		assertThat(pages.get(d.customer(), "/console/articles/" + published).status()).isEqualTo(403);
	}
}
