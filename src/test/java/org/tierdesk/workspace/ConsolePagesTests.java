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
import org.tierdesk.workspace.FormActions.FormProblem;

/**
 * The agent console's pages, server side: what each role may open, what the queues list, the actions' answers, and
 * hostile content escaped. (The browser journeys are in {@code ConsoleBrowserTests}.)
 */
@DeskTest
class ConsolePagesTests {

	@Autowired
	Pages pages;

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.tierdesk.support.MovableClock clock;

	Desk d;

	@BeforeEach
	void desk() {
		d = testDesk.create();
	}

	String open(String subject, String description) {
		Response r = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","channel":"PHONE","subject":%s,"description":%s,
				 "facts":{"affectedSystem":"R-Supply","affectedVersion":"4.2"}}"""
			.formatted(d.key(), d.customer().id(), json(subject), json(description)));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json("$.number");
	}

	static String json(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	@Test
	void everyoneStartsOnTheirOwnScreen() {
		assertThat(pages.get(d.agent1(), "/").redirect()).isEqualTo("/console");
		assertThat(pages.get(d.manager(), "/").redirect()).isEqualTo("/console");
		assertThat(pages.get(d.vendor(), "/").redirect()).isEqualTo("/vendor");
		assertThat(pages.get(d.customer(), "/").redirect()).isEqualTo("/portal");
		assertThat(pages.get(null, "/console").redirect()).endsWith("/login");
	}

	@Test
	void customersAndVendorsCannotOpenTheConsole() {
		assertThat(pages.get(d.customer(), "/console").status()).isEqualTo(403);
		assertThat(pages.get(d.vendor(), "/console").status()).isEqualTo(403);
		assertThat(pages.get(d.customer(), "/console/calls/new").status()).isEqualTo(403);
		assertThat(pages.get(d.customer(), "/console/events").status()).isEqualTo(403);
		Page forbidden = pages.get(d.customer(), "/console");
		assertThat(forbidden.html()).contains("data-testid=\"error\"").doesNotContain("queue-table");
	}

	@Test
	void theUnassignedQueueListsANewTicketAndTheCountsAgree() {
		String number = open("Radar console freezes", "Since the patch");
		jdbc.update("update ticket set owner_id = null where number = ?", number);
		Page page = pages.get(d.agent1(), "/console?queue=unassigned&program=" + d.key());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains(number, "Radar console freezes").contains("data-count=\"unassigned\">1<");
		Page mine = pages.get(d.agent1(), "/console?queue=mine&program=" + d.key());
		assertThat(mine.html()).doesNotContain(number);
	}

	@Test
	void aQueueRefreshIsOnlyItsResultsFragment() {
		String number = open("Fragment please", "x");
		Page fragment = pages.htmx(d.agent1(), "/console?queue=open&program=" + d.key(), "results");
		assertThat(fragment.html()).contains(number).contains("id=\"results\"").doesNotContain("<html", "<nav");
	}

	@Test
	void aScriptInASubjectOrBodyIsPrintedAsText() {
		String number = open("<script>alert('subject')</script>", "<img src=x onerror=alert('body')>");
		api.post(d.agent1(), "/api/v1/tickets/" + number + "/entries",
				"{\"visibility\":\"INTERNAL\",\"body\":\"<script>alert('note')</script>\"}");
		String html = pages.get(d.agent1(), "/console/tickets/" + number).html();
		assertThat(html).doesNotContain("<script>alert", "<img src=x")
			.contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;", "&lt;img src=x onerror=alert(&#39;body&#39;)&gt;",
					"&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt;");
		String queue = pages.get(d.agent1(), "/console?queue=open&program=" + d.key()).html();
		assertThat(queue).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;subject&#39;)");
	}

	@Test
	void everyPageCarriesAContentSecurityPolicyWithoutInlineScript() {
		Page page = pages.get(d.agent1(), "/console");
		String csp = page.raw().getHeader("Content-Security-Policy");
		assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
		assertThat(page.html()).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
			.doesNotContainPattern("\\son[a-z]+=\"");
	}

	@Test
	void anotherProgramsTicketPageIsNotFound() {
		String number = open("Ours only", "x");
		Desk other = testDesk.create();
		Page page = pages.get(other.agent1(), "/console/tickets/" + number);
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.html()).doesNotContain("Ours only");
		assertThat(pages.get(other.customer(), "/portal/requests/" + number).status()).isEqualTo(404);
		assertThat(pages.get(other.vendor(), "/vendor/tickets/" + number).status()).isEqualTo(404);
		assertThat(pages.get(other.agent1(), "/console?queue=open").html()).doesNotContain(number);
	}

	@Test
	void theWorkspaceSuggestsTheCognizantAuthorityForTheSystem() {
		java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
		Response loaded = api.post(d.manager(), "/api/v1/programs/" + d.key() + "/directory/import", """
				{"systems":[{"name":"R-Supply","type":"SOFTWARE","authorities":[{"tier":3,"group":"%s"}],
				  "verifiedBy":"PMW-150","verifiedAt":"%s","reviewDue":"%s"}]}"""
			.formatted(d.tier3().name(), today.minusDays(1), today.plusDays(300)));
		assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
		String number = open("Requisitions hang", "x");
		String html = pages.get(d.agent1(), "/console/tickets/" + number).html();
		int options = html.indexOf("id=\"esc-group\"");
		assertThat(options).isPositive();
		String firstOption = html.substring(html.indexOf("<option", options), html.indexOf("</option>", options));
		assertThat(firstOption).contains(d.tier3().name(), "cognizant authority");
	}

	@Test
	void aRefusedActionComesBackBesideItsFieldAndChangesNothing() {
		String number = open("Needs a reason", "x");
		Response before = api.get(d.agent1(), "/api/v1/tickets/" + number);
		Page refused = pages.post(d.agent1(), "/console/tickets/" + number + "/resolve", "version",
				before.json("$.version").toString(), "code", "SOLVED", "solution", "  ");
		assertThat(refused.redirect()).isEqualTo("/console/tickets/" + number);
		FormProblem problem = (FormProblem) refused.flash().get("problem");
		assertThat(problem.form()).isEqualTo("resolve");
		assertThat(problem.field()).isEqualTo("solution");
		Response after = api.get(d.agent1(), "/api/v1/tickets/" + number);
		assertThat(after.<String>json("$.status")).isNotEqualTo("RESOLVED");
		assertThat(after.<Integer>json("$.version")).isEqualTo(before.<Integer>json("$.version"));
	}

	@Test
	void aStaleFormIsToldSoInsteadOfOverwriting() {
		String number = open("Two agents at once", "x");
		Integer version = api.get(d.agent1(), "/api/v1/tickets/" + number).json("$.version");
		api.post(d.agent1(), "/api/v1/tickets/" + number + "/entries", "{\"visibility\":\"INTERNAL\",\"body\":\"first\"}");
		pages.post(d.otherAgent1(), "/console/tickets/" + number + "/take", "version", version.toString());
		Page stale = pages.post(d.agent1(), "/console/tickets/" + number + "/take", "version", version.toString());
		assertThat(((FormProblem) stale.flash().get("problem")).stale()).isTrue();
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() {
		String number = open("CSRF", "x");
		assertThat(pages.postWithoutCsrf(d.agent1(), "/console/tickets/" + number + "/take", "version", "0").status())
			.isEqualTo(403);
	}

	@Test
	void logAndResolveASimpleCallInOneStep() {
		Page page = pages.post(d.agent1(), "/console/calls", "program", d.key(), "callerId",
				String.valueOf(d.customer().id()), "kind", "SERVICE_REQUEST", "subject", "Password reset",
				"notes", "Locked out after leave", "resolveNow", "true", "resolutionCode", "SOLVED", "solution",
				"Reset and verified the login with the caller");
		assertThat(page.redirect()).startsWith("/console/tickets/").endsWith("?logged");
		String number = page.redirect().replace("/console/tickets/", "").replace("?logged", "");
		Response t = api.get(d.agent1(), "/api/v1/tickets/" + number);
		assertThat(t.<String>json("$.status")).isEqualTo("RESOLVED");
		assertThat(t.<String>json("$.owner.username")).isEqualTo(d.agent1().username());
		assertThat(t.<String>json("$.channel")).isEqualTo("PHONE");
	}

	@Test
	void aCallWithoutNotesIsRefusedBesideTheFieldAndNothingIsWritten() {
		Integer before = jdbc.queryForObject("select count(*) from ticket where program_id = ?", Integer.class,
				d.program().id());
		Page page = pages.post(d.agent1(), "/console/calls", "program", d.key(), "callerId",
				String.valueOf(d.customer().id()), "subject", "Half a call", "notes", "", "resolveNow", "true",
				"resolutionCode", "SOLVED", "solution", "x");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.html()).contains("id=\"call-notes-error\"", "Half a call");
		assertThat(jdbc.queryForObject("select count(*) from ticket where program_id = ?", Integer.class,
				d.program().id())).isEqualTo(before);
		Page noSolution = pages.post(d.agent1(), "/console/calls", "program", d.key(), "callerId",
				String.valueOf(d.customer().id()), "subject", "Resolved without saying how", "notes", "said things",
				"resolveNow", "true", "resolutionCode", "SOLVED", "solution", "");
		assertThat(noSolution.status()).isEqualTo(400);
		assertThat(noSolution.html()).contains("id=\"call-solution-error\"");
		assertThat(jdbc.queryForObject("select count(*) from ticket where program_id = ?", Integer.class,
				d.program().id())).isEqualTo(before);
	}

	@Test
	void theCallerLookupShowsTheCallerTheirOpenTicketsAndEntitlement() {
		String number = open("Open already", "x");
		Page panel = pages.htmx(d.agent1(), "/console/calls/lookup?program=" + d.key() + "&name="
				+ java.net.URLEncoder.encode(d.customer().displayName(), java.nio.charset.StandardCharsets.UTF_8), "caller");
		assertThat(panel.html()).contains(d.customer().displayName(), number, "data-testid=\"call-entitlement\"")
			.doesNotContain("<html");
	}

	@Test
	void savedFiltersAreTheAgentsOwn() {
		Page saved = pages.post(d.agent1(), "/console/filters", "name", "Tier 2 incidents", "query",
				"queue=open&tier=2&kind=INCIDENT&evil=<x>");
		assertThat(saved.redirect()).isEqualTo("/console?queue=open&tier=2&kind=INCIDENT");
		assertThat(pages.get(d.agent1(), "/console").html()).contains("Tier 2 incidents",
				"/console?queue=open&amp;tier=2&amp;kind=INCIDENT");
		assertThat(pages.get(d.otherAgent1(), "/console").html()).doesNotContain("Tier 2 incidents");
	}

	@Test
	void theLanguageSwitchTurnsThePagesPortugueseAndRemembersIt() {
		Page pt = pages.get(d.agent1(), "/console?lang=pt");
		assertThat(pt.html()).contains("lang=\"pt\"", "Filas", "Sem responsável");
		String cookie = pt.raw().getHeader("Set-Cookie");
		assertThat(cookie).contains("tierdesk-lang=pt");
		Page again = pages.perform(Pages.signedIn(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/console"), d.agent1()).cookie(new jakarta.servlet.http.Cookie("tierdesk-lang", "pt")));
		assertThat(again.html()).contains("Os meus pedidos");
		assertThat(pages.get(d.agent1(), "/console").html()).contains("lang=\"en\"", "Unassigned");
	}

	@Test
	void thePortugueseBrowserGetsPortugueseWhenTheProgramSpeaksIt() {
		Response set = api.put(d.manager(), "/api/v1/programs/" + d.key() + "/channels",
				"{\"unknownSenders\":\"CREATE_CUSTOMER\",\"language\":\"pt\"}");
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		assertThat(pages.get(d.customer(), "/portal").html()).contains("Os meus pedidos");
	}

	@Test
	void fragmentsOfAnotherProgramAreRefusedToo() {
		String number = open("Fragment of ours", "x");
		Desk other = testDesk.create();
		Page lookup = pages.htmx(other.agent1(), "/console/calls/lookup?program=" + d.key() + "&name="
				+ d.customer().displayName(), "caller");
		assertThat(lookup.status()).isEqualTo(404);
		assertThat(lookup.html()).doesNotContain(d.customer().displayName()).doesNotContain("<html");
		Page counts = pages.htmx(other.agent1(), "/console/counts?program=" + d.key(), "counts");
		assertThat(counts.status()).isNotEqualTo(200);
		Page results = pages.htmx(other.agent1(), "/console?queue=open&program=" + d.key(), "results");
		assertThat(results.status()).isNotEqualTo(200);
		assertThat(results.html()).doesNotContain(number);
		assertThat(pages.get(other.agent1(), "/files/tickets/" + number + "/1").status()).isEqualTo(404);
	}

	@Test
	void theSlaQueueListsTicketsPastTheirWarningWithACountdownAndTheWorkspaceShowsTheClocks() {
		Response policy = api.put(d.manager(), "/api/v1/programs/" + d.key() + "/sla/policies/Standard", """
				{"warningPercent":50,"targets":{"MEDIUM":{"firstResponseMinutes":30,"resolutionMinutes":240}}}""");
		assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
		String number = open("Clock is ticking", "x");
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> api
			.get(d.agent1(), "/api/v1/tickets/" + number + "/clocks").<java.util.List<?>>json("$").size() >= 2);
		clock.advance(java.time.Duration.ofMinutes(20));
		Page sla = pages.get(d.agent1(), "/console?queue=sla&program=" + d.key());
		assertThat(sla.status()).isEqualTo(200);
		assertThat(sla.html()).contains(number, "class=\"countdown clock-warning\"", "data-due=\"")
			.contains("data-count=\"sla\">1<");
		Page ticket = pages.get(d.agent1(), "/console/tickets/" + number);
		assertThat(ticket.status()).isEqualTo(200);
		assertThat(ticket.html()).contains("data-testid=\"clock\"", "First response", "data-due=\"");
	}
}
