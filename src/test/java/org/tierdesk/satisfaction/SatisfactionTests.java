package org.tierdesk.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.MovableClock;
import org.tierdesk.support.Pages;
import org.tierdesk.support.Pages.Page;
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
 * The one-question survey after a ticket closes: offered once on the ticket's channel, answered once by the link or by
 * the requester signed in, refused with the field named when the answer is bad, and counted in the metrics.
 */
@DeskTest
class SatisfactionTests {

	private static final Pattern LINK = Pattern.compile("/survey/([0-9a-f]{32})");

	@Autowired
	Api api;

	@Autowired
	Pages pages;

	@Autowired
	TestDesk testDesk;

	@Autowired
	Tickets tickets;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MovableClock clock;

	Desk d;

	@BeforeEach
	void desk() {
		d = testDesk.create();
	}

	DeskPrincipal p(Person person) {
		return TestDesk.principal(person);
	}

	String resolved(Channel channel, String subject) {
		String number = tickets.open(p(d.agent1()), new OpenTicket(d.key(), d.customer().id(), TicketKind.INCIDENT,
				channel, subject, "details", StructuredFacts.none(), "printing", Impact.MEDIUM, Urgency.MEDIUM), null)
			.ticket().number();
		tickets.take(p(d.agent1()), number, null, "mine");
		tickets.resolve(p(d.agent1()), number, null, new Resolution(ResolutionCode.SOLVED, "restarted", null, null));
		return number;
	}

	List<String> surveyMail(String number) {
		return jdbc.queryForList("select body from intake_outbound where purpose = 'NOTICE' and recipient = ? "
				+ "and subject like ?", String.class, d.customer().email(), "%[" + number + "]%");
	}

	String token(String number) {
		await().atMost(Duration.ofSeconds(20)).until(() -> surveyMail(number).size() == 1);
		Matcher m = LINK.matcher(surveyMail(number).get(0));
		assertThat(m.find()).as("the mail carries the survey link").isTrue();
		return m.group(1);
	}

	Page anonymous(String path, String... params) {
		var request = MockMvcRequestBuilders.post(path).with(csrf());
		for (int i = 0; i + 1 < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return pages.perform(request);
	}

	@Test
	void anAcceptedEmailTicketIsSurveyedOnceByMailAndAnsweredOnceThroughTheLink() {
		String number = resolved(Channel.EMAIL, "Printer jams");
		tickets.answerResolution(p(d.customer()), number, null, true, null);
		String token = token(number);

		Page page = pages.perform(MockMvcRequestBuilders.get("/survey/" + token));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains(number).contains("Printer jams").contains("name=\"score\"");

		Page bad = anonymous("/survey/" + token, "score", "6", "comment", "x");
		assertThat(bad.html()).as("a score out of range is refused by name").contains("data-testid=\"survey-error\"")
			.contains("from 1 to 5");
		Page answered = anonymous("/survey/" + token, "score", "4", "comment", "<script>alert(1)</script> quick fix");
		assertThat(answered.html()).contains("data-testid=\"survey-thanks\"").doesNotContain("name=\"score\"");
		Page again = anonymous("/survey/" + token, "score", "1");
		assertThat(again.html()).as("answered once").contains("data-testid=\"survey-done\"");
		assertThat(jdbc.queryForObject("select score from satisfaction_survey where ticket_id = (select id from ticket "
				+ "where number = ?)", Integer.class, number)).isEqualTo(4);

		assertThat(pages.perform(MockMvcRequestBuilders.get("/survey/" + "0".repeat(32))).status())
			.as("an unknown token finds nothing").isEqualTo(404);
		assertThat(pages.perform(MockMvcRequestBuilders.get("/survey/not-a-token")).status()).isEqualTo(404);

		Response surveys = api.get(d.manager(), "/api/v1/programs/" + d.key() + "/surveys");
		assertThat(surveys.status()).as(surveys.toString()).isEqualTo(200);
		assertThat(surveys.<List<Integer>>json("$[?(@.number == '" + number + "')].score")).containsExactly(4);
		assertThat(surveys.<List<String>>json("$[?(@.number == '" + number + "')].comment"))
			.containsExactly("<script>alert(1)</script> quick fix");
		assertThat(api.get(d.customer(), "/api/v1/programs/" + d.key() + "/surveys").status())
			.as("customers do not read the desk's surveys").isIn(403, 404);
		assertThat(surveyMail(number)).as("offered once, whatever happens after").hasSize(1);
	}

	@Test
	void aPortalRequestIsSurveyedInThePortalAndOnlyItsRequesterAnswers() {
		String number = resolved(Channel.WEB, "Access to the share");
		tickets.answerResolution(p(d.customer()), number, null, true, null);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> api.get(d.customer(), "/api/v1/tickets/" + number + "/survey").status() == 200);
		assertThat(api.get(d.customer(), "/api/v1/tickets/" + number + "/survey").<String>json("$.offeredBy"))
			.isEqualTo("PORTAL");
		assertThat(surveyMail(number)).as("no mail for a request made on the web").isEmpty();

		Page fragment = pages.htmx(d.customer(), "/portal/requests/" + number + "/survey", "survey");
		assertThat(fragment.html()).contains("data-testid=\"survey\"").contains("name=\"score\"");
		assertThat(pages.htmx(d.colleague(), "/portal/requests/" + number + "/survey", "survey").html())
			.as("another customer sees no survey").doesNotContain("data-testid=\"survey\"");

		assertThat(api.post(d.colleague(), "/api/v1/tickets/" + number + "/survey", "{\"score\":5}").status())
			.isEqualTo(404);
		Response missing = api.post(d.customer(), "/api/v1/tickets/" + number + "/survey", "{\"comment\":\"ok\"}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.<String>json("$.errors[0].field")).isEqualTo("score");
		Response answered = api.post(d.customer(), "/api/v1/tickets/" + number + "/survey",
				"{\"score\":2,\"comment\":\"took three days\"}");
		assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
		assertThat(answered.<Integer>json("$.score")).isEqualTo(2);
		assertThat(api.post(d.customer(), "/api/v1/tickets/" + number + "/survey", "{\"score\":5}").status())
			.as("an answer is not changed afterwards").isEqualTo(409);
	}

	@Test
	void aTicketThatClosedByItselfIsSurveyedAndAnsweredScoresReachTheMetrics() {
		String number = resolved(Channel.PHONE, "VPN drops");
		clock.advance(Duration.ofDays(d.program().autoCloseDays() + 1));
		tickets.closeUnansweredResolutions(org.tierdesk.ticket.TicketViews.SYSTEM_ACTOR);
		String token = token(number);
		assertThat(jdbc.queryForObject("select closed_how from satisfaction_survey where ticket_id = (select id from "
				+ "ticket where number = ?)", String.class, number)).isEqualTo("AUTO_CLOSED");
		anonymous("/survey/" + token, "score", "5");

		java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), d.program().timeZone());
		String path = "/api/v1/programs/" + d.key() + "/metrics?period=DAY&from=" + today + "&to=" + today.plusDays(1);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Response r = api.get(d.manager(), path);
			assertThat(r.<Double>json("$.rows[0].satisfaction")).as(r.toString()).isEqualTo(5.0);
			assertThat(r.<Integer>json("$.rows[0].satisfactionAnswers")).isEqualTo(1);
			assertThat(r.<Integer>json("$.desk[0].surveysOffered")).isEqualTo(1);
		});
	}

	@Test
	void aMergedTicketIsNotSurveyed() {
		String original = resolved(Channel.EMAIL, "Original");
		String duplicate = tickets.open(p(d.agent1()), new OpenTicket(d.key(), d.customer().id(), TicketKind.INCIDENT,
				Channel.EMAIL, "Duplicate", "same", StructuredFacts.none(), "printing", Impact.MEDIUM, Urgency.MEDIUM),
				null).ticket().number();
		tickets.merge(p(d.agent1()), duplicate, null, original);
		tickets.answerResolution(p(d.customer()), original, null, true, null);
		token(original);
		assertThat(jdbc.queryForObject("select count(*) from satisfaction_survey where ticket_id = (select id from "
				+ "ticket where number = ?)", Long.class, duplicate)).isZero();
	}
}
