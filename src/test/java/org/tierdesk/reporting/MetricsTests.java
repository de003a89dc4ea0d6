package org.tierdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.MovableClock;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.EntryVisibility;
import org.tierdesk.ticket.Impact;
import org.tierdesk.ticket.Resolution;
import org.tierdesk.ticket.ResolutionCode;
import org.tierdesk.ticket.StructuredFacts;
import org.tierdesk.ticket.TicketKind;
import org.tierdesk.ticket.Tickets;
import org.tierdesk.ticket.Tickets.Escalation;
import org.tierdesk.ticket.Tickets.EscalationType;
import org.tierdesk.ticket.Tickets.OpenTicket;
import org.tierdesk.ticket.Urgency;

/**
 * Metric definitions on a hand-built history with known answers, through the real ticket service: five tickets opened
 * on one morning — one resolved at first contact and accepted, one resolved after the customer wrote again, one sent
 * to Tier 2, returned, sent again (a ping-pong) and resolved by its owner, one rejected by the customer and resolved
 * again, one untouched.
 */
@DeskTest
class MetricsTests {

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Autowired
	MovableClock clock;

	@Autowired
	Tickets tickets;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	Desk d;

	LocalDate day;

	@BeforeEach
	void desk() {
		d = testDesk.create();
		// the history happens tomorrow from 09:00 in the program's zone, well inside one day
		ZonedDateTime nine = LocalDate.ofInstant(clock.instant(), d.program().timeZone()).plusDays(1).atTime(9, 0)
			.atZone(d.program().timeZone());
		clock.advance(Duration.between(clock.instant(), nine.toInstant()));
		day = nine.toLocalDate();
	}

	DeskPrincipal p(Person person) {
		return TestDesk.principal(person);
	}

	String open(String subject, Channel channel) {
		return tickets.open(p(d.agent1()), new OpenTicket(d.key(), d.customer().id(), TicketKind.INCIDENT, channel,
				subject, "details", StructuredFacts.none(), "printing", Impact.MEDIUM, Urgency.MEDIUM), null)
			.ticket().number();
	}

	void reply(Person who, String number, String text) {
		tickets.addEntry(p(who), number, null, EntryVisibility.PUBLIC, Channel.API, text, false);
	}

	void resolve(String number) {
		tickets.resolve(p(d.agent1()), number, null, new Resolution(ResolutionCode.SOLVED, "done", null, null));
	}

	@Test
	void fiveTicketsOfOneMorningGiveTheirKnownRates() {
		String firstContact = open("A: solved on the phone", Channel.PHONE);
		String followedUp = open("B: the customer wrote again", Channel.EMAIL);
		String pingPong = open("C: Tier 2 and back twice", Channel.PHONE);
		String reopened = open("D: not solved the first time", Channel.WEB);
		open("E: untouched", Channel.EMAIL);
		for (String n : List.of(firstContact, followedUp, pingPong, reopened)) {
			tickets.take(p(d.agent1()), n, null, "mine");
		}
		// (all within 15 minutes, so the time-based escalation of an untouched Tier 1 ticket does not fire on E)
		clock.advance(Duration.ofMinutes(4));
		reply(d.agent1(), firstContact, "Restart the spooler");
		resolve(firstContact);
		tickets.answerResolution(p(d.customer()), firstContact, null, true, null);

		clock.advance(Duration.ofMinutes(10));
		reply(d.customer(), followedUp, "Still waiting");
		reply(d.agent1(), followedUp, "On it");
		resolve(followedUp);

		tickets.escalate(p(d.agent1()), pingPong, null, new Escalation(EscalationType.FUNCTIONAL, 2, d.tier2().id(),
				null, null, "specialist"));
		long first = tickets.assignments(p(d.agent1()), pingPong).get(0).id();
		tickets.returnAssignment(p(d.agent2()), pingPong, first, null, "not ours");
		tickets.escalate(p(d.agent1()), pingPong, null, new Escalation(EscalationType.FUNCTIONAL, 2, d.tier2().id(),
				null, null, "it is yours after all"));
		long second = tickets.assignments(p(d.agent1()), pingPong).stream().mapToLong(a -> a.id()).max().orElseThrow();
		tickets.returnAssignment(p(d.agent2()), pingPong, second, null, "fixed the config");
		resolve(pingPong);

		resolve(reopened);
		tickets.answerResolution(p(d.customer()), reopened, null, false, "still broken");
		resolve(reopened);

		String path = "/api/v1/programs/" + d.key() + "/metrics?period=DAY&from=" + day + "&to=" + day.plusDays(1);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Response r = api.get(d.manager(), path);
			assertThat(r.status()).as(r.toString()).isEqualTo(200);
			assertThat(r.<Integer>json("$.rows[0].resolved")).as(() -> jdbc.queryForList(
					"select ticket_id, ticket_version, resolved_at, resolved_tier, closed_at, reopens from reporting_ticket_fact where program_id = ?",
					d.program().id()).toString()).isEqualTo(4);
			assertThat(r.<Integer>json("$.rows[0].closed")).isEqualTo(1);
		});
		Map<String, Object> row = api.get(d.manager(), path).<List<Map<String, Object>>>json("$.rows").get(0);
		assertThat(row).containsEntry("period", day.toString()).containsEntry("opened", 5).containsEntry("resolved", 4)
			.containsEntry("closed", 1).containsEntry("backlog", 4)
			.as("only A: Tier 1, no escalation, no follow-up, never reopened").containsEntry("firstContactResolution", 0.25)
			.as("C came back to its Tier 1 owner").containsEntry("tier1Resolution", 1.0)
			.containsEntry("escalationRate", 0.2).containsEntry("pingPongs", 1)
			.as("C reached Tier 2, nothing went higher").containsEntry("reachedTier2", 0.2)
			.containsEntry("reachedTier3", 0.0)
			.containsEntry("reopenRate", 0.25).containsEntry("acceptanceRate", 1.0)
			.as("A answered at 4 min, B at 14: nearest-rank median and 90th percentile")
			.containsEntry("firstResponseMedianMinutes", 4.0).containsEntry("firstResponseP90Minutes", 14.0);

		Response byChannel = api.get(d.manager(), path + "&by=channel");
		List<Map<String, Object>> rows = byChannel.json("$.rows");
		assertThat(rows).extracting(r -> r.get("slice") + ":" + r.get("opened"))
			.containsExactlyInAnyOrder("PHONE:2", "EMAIL:2", "WEB:1");
	}

	@Test
	void tierTimesAndServiceLevelAttainmentComeFromEachTicketsOwnHistoryAndClocks() {
		assertThat(api.put(d.manager(), "/api/v1/programs/" + d.key() + "/sla/policies/Standard", """
				{"targets":{"MEDIUM":{"firstResponseMinutes":10,"resolutionMinutes":60}}}""").status()).isEqualTo(200);
		assertThat(api.put(d.manager(), "/api/v1/programs/" + d.key() + "/sla/group-targets/" + d.tier2().name(),
				"{\"targetMinutes\":30}").status()).isEqualTo(200);
		String quick = open("X: answered and solved in time", Channel.PHONE);
		String slow = open("Y: late, and Tier 2 late too", Channel.PHONE);
		tickets.take(p(d.agent1()), quick, null, "mine");
		String swarmed = open("Z: swarmed instead of escalated", Channel.PHONE);
		tickets.take(p(d.agent1()), slow, null, "mine");
		tickets.take(p(d.agent1()), swarmed, null, "mine");
		tickets.swarm(p(d.agent1()), swarmed, null, java.util.Set.of(d.agent2().id()), "all hands");
		clock.advance(Duration.ofMinutes(5));
		reply(d.agent1(), quick, "Try this");
		reply(d.agent1(), swarmed, "We are on it together");
		clock.advance(Duration.ofMinutes(15));
		reply(d.agent1(), slow, "Looking");
		tickets.escalate(p(d.agent1()), slow, null, new Escalation(EscalationType.FUNCTIONAL, 2, d.tier2().id(), null,
				null, "needs a specialist"));
		clock.advance(Duration.ofMinutes(10));
		resolve(quick);
		resolve(swarmed);
		clock.advance(Duration.ofMinutes(30));
		long assignment = tickets.assignments(p(d.agent1()), slow).get(0).id();
		tickets.returnAssignment(p(d.agent2()), slow, assignment, null, "patched");
		clock.advance(Duration.ofMinutes(30));
		resolve(slow);

		String path = "/api/v1/programs/" + d.key() + "/metrics?period=DAY&from=" + day + "&to=" + day.plusDays(1);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Response r = api.get(d.manager(), path);
			assertThat(r.<Integer>json("$.rows[0].resolved")).isEqualTo(3);
			assertThat(r.<Integer>json("$.rows[0].slaBreaches")).as(r.toString()).isEqualTo(2);
		});
		Response r = api.get(d.manager(), path);
		assertThat(r.<Double>json("$.rows[0].slaAttainment")).as("X and Z met both clocks, Y missed both")
			.isEqualTo(0.6667);
		assertThat(r.<Double>json("$.rows[0].olaAttainment")).as("Tier 2 held Y for 40 minutes of 30").isEqualTo(0.0);
		assertThat(r.<Integer>json("$.rows[0].olaBreaches")).isEqualTo(1);
		assertThat(r.<Double>json("$.rows[0].resolutionMedianMinutes")).as("X and Z in 30, Y in 90").isEqualTo(30.0);
		assertThat(r.<Double>json("$.rows[0].resolutionP90Minutes")).isEqualTo(90.0);
		assertThat(r.<List<Map<String, Object>>>json("$.rows[0].tierTimes")).extracting(t -> t.get("tier") + ":"
				+ t.get("tickets") + ":" + t.get("medianMinutes") + ":" + t.get("p90Minutes"))
			.as("Tier 1: X 30, Z 30 (a swarm is no hand-off), Y 20+30; Tier 2: Y 40")
			.containsExactly("1:3:30.0:50.0", "2:1:40.0:40.0");
		assertThat(r.<Double>json("$.rows[0].tieredResolutionMedianMinutes")).isEqualTo(90.0);
		assertThat(r.<Double>json("$.rows[0].swarmResolutionMedianMinutes")).isEqualTo(30.0);

		String csv = api.get(d.manager(), "/api/v1/programs/" + d.key() + "/metrics.csv?period=DAY&from=" + day
				+ "&to=" + day.plusDays(1)).body();
		assertThat(csv.lines().findFirst().orElseThrow()).contains("tier2_median_min", "sla_attainment");
		assertThat(csv.lines().skip(1).findFirst().orElseThrow()).contains(",40.0,", ",30.0,90.0,0.6667,2,0.0,1,");
	}

	@Test
	void goalsHoldAMetricToItsTargetDayByDayAndFlagDrift() {
		String base = "/api/v1/programs/" + d.key() + "/goals";
		assertThat(api.put(d.agent1(), base + "/FIRST_CONTACT_RESOLUTION", "{\"target\":0.7}").status())
			.as("managers set goals").isEqualTo(403);
		Response unknown = api.put(d.manager(), base + "/HAPPINESS", "{\"target\":0.7}");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.<String>json("$.errors[0].field")).isEqualTo("metric");
		Response percent = api.put(d.manager(), base + "/FIRST_CONTACT_RESOLUTION", "{\"target\":70}");
		assertThat(percent.status()).isEqualTo(400);
		assertThat(percent.<String>json("$.errors[0].field")).isEqualTo("target");
		assertThat(api.put(d.manager(), base + "/first_contact_resolution", "{\"target\":0.7}").status())
			.isEqualTo(200);

		// two days resolved at first contact, then a day whose one ticket went to Tier 2
		for (int i = 0; i < 2; i++) {
			String n = open("solved on the phone " + i, Channel.PHONE);
			tickets.take(p(d.agent1()), n, null, "mine");
			resolve(n);
			clock.advance(Duration.ofDays(1));
		}
		String n = open("needed Tier 2", Channel.PHONE);
		tickets.take(p(d.agent1()), n, null, "mine");
		tickets.escalate(p(d.agent1()), n, null, new Escalation(EscalationType.FUNCTIONAL, 2, d.tier2().id(), null,
				null, "specialist"));
		tickets.returnAssignment(p(d.agent2()), n, tickets.assignments(p(d.agent1()), n).get(0).id(), null, "fixed");
		resolve(n);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Response board = api.get(d.agent1(), base + "?period=DAY&periods=3");
			assertThat(board.status()).as(board.toString()).isEqualTo(200);
			assertThat(board.<List<Double>>json("$.goals[0].values[*].value")).containsExactly(1.0, 1.0, 0.0);
		});
		Response board = api.get(d.agent1(), base + "?period=DAY&periods=3");
		assertThat(board.<String>json("$.goals[0].metric")).isEqualTo("FIRST_CONTACT_RESOLUTION");
		assertThat(board.<String>json("$.goals[0].status")).isEqualTo("MISSED");
		assertThat(board.<Boolean>json("$.goals[0].drifting")).isTrue();
		assertThat(board.<String>json("$.goals[0].direction")).isEqualTo("WORSENING");
		assertThat(api.get(d.agent1(), base + "?periods=99").<String>json("$.errors[0].field")).isEqualTo("periods");
		assertThat(api.get(testDesk.create().manager(), base).status()).as("another program's desk").isEqualTo(404);
		assertThat(api.call(d.manager(), org.springframework.http.HttpMethod.DELETE, base + "/FIRST_CONTACT_RESOLUTION",
				null, Map.of()).status()).isEqualTo(204);
		assertThat(api.get(d.agent1(), base).<List<Object>>json("$.goals")).isEmpty();
	}

	@Test
	void theCsvNeutralisesCellsASpreadsheetWouldRunAsAFormula() {
		String number = tickets.open(p(d.agent1()), new OpenTicket(d.key(), d.customer().id(), TicketKind.INCIDENT,
				Channel.PHONE, "s", "d", StructuredFacts.none(), "=HYPERLINK(\"http://evil.example\",\"x\")",
				Impact.MEDIUM, Urgency.MEDIUM), null).ticket().number();
		tickets.open(p(d.agent1()), new OpenTicket(d.key(), d.customer().id(), TicketKind.INCIDENT, Channel.PHONE,
				"s", "d", StructuredFacts.none(), "@SUM(1+1)", Impact.MEDIUM, Urgency.MEDIUM), null);
		String path = "/api/v1/programs/" + d.key() + "/metrics.csv?period=DAY&by=category&from=" + day + "&to="
				+ day.plusDays(1);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.get(d.manager(), path).body())
			.contains("'=HYPERLINK(", "'@SUM(1+1)"));
		Response csv = api.get(d.manager(), path);
		assertThat(csv.body().lines()).first().asString().startsWith("period,slice,opened");
		assertThat(csv.body()).doesNotContain("\n=HYPERLINK", ",=HYPERLINK", ",@SUM", ",\"=HYPERLINK")
			.as(number).contains(day.toString());
		assertThat(ReportCsv.cell(-3L)).as("numbers stay numbers").isEqualTo("-3");
		assertThat(ReportCsv.cell("-3")).isEqualTo("'-3");
		assertThat(ReportCsv.cell("\tx")).isEqualTo("'\tx");
		assertThat(api.get(d.customer(), path).status()).isEqualTo(403);
	}

	@Test
	void badRangesAndUnknownSlicesAreRefusedByName() {
		String base = "/api/v1/programs/" + d.key() + "/metrics";
		assertThat(api.get(d.manager(), base + "?from=" + day + "&to=" + day.minusDays(3))
			.<String>json("$.errors[0].field")).isEqualTo("to");
		assertThat(api.get(d.manager(), base + "?by=shoe").<String>json("$.errors[0].field")).isEqualTo("by");
		assertThat(api.get(d.manager(), base + "?period=fortnight").<String>json("$.errors[0].field"))
			.isEqualTo("period");
		assertThat(api.get(d.manager(), base + "?from=" + day.minusYears(5)).<String>json("$.errors[0].field"))
			.isEqualTo("from");
		assertThat(api.get(d.customer(), base).status()).isEqualTo(403);
		assertThat(api.get(testDesk.create().manager(), base).status()).isEqualTo(404);
	}
}
