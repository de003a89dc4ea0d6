package org.tierdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.MovableClock;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

/** Swarming instead of a tiered hand-off: the owner keeps the ticket, specialists work the internal thread. */
@DeskTest
class SwarmingTests {

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	Desk deskWithDirectory() {
		Desk d = testDesk.create();
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Lisbon"));
		Response r = api.post(d.manager(), "/api/v1/programs/" + d.key() + "/directory/import", """
				{"systems":[{"name":"R-Supply","type":"SOFTWARE",
				  "authorities":[{"tier":2,"group":"Specialists"},{"tier":4,"group":"OEM Vendor"}],
				  "verifiedBy":"PMW-150","verifiedAt":"%s","reviewDue":"%s"}]}"""
			.formatted(today.minusDays(1), today.plusDays(100)));
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return d;
	}

	String open(Desk d) {
		Response opened = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"Requisitions lost",
				 "description":"Since this morning","facts":{"affectedSystem":"R-Supply"}}"""
			.formatted(d.key(), d.customer().id()));
		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		return opened.json("$.number");
	}

	@Test
	void theOwnerSwarmsTheSystemsAuthoritiesAndKeepsTheTicketWhileTheyWorkTheInternalThread() {
		Desk d = deskWithDirectory();
		String n = open(d);
		assertThat(api.post(d.agent1(), "/api/v1/tickets/" + n + "/ownership", "{}").status()).isEqualTo(200);

		Response suggestions = api.get(d.agent1(), "/api/v1/tickets/" + n + "/swarm/suggestions");
		assertThat(suggestions.status()).as(suggestions.toString()).isEqualTo(200);
		List<String> suggested = suggestions.json("$[*].username");
		assertThat(suggested).containsExactly(d.agent2().username(), d.vendor().username());
		assertThat((String) suggestions.json("$[0].why")).contains("cognizant authority for R-Supply at tier 2");

		assertThat(api.post(d.agent2(), "/api/v1/tickets/" + n + "/swarm", """
				{"participants":[%d],"reason":"I want help"}""".formatted(d.agent3().id())).status())
			.as("a Tier 2 specialist does not open the owner's swarm").isEqualTo(403);
		Desk other = testDesk.create();
		Response outsider = api.post(d.agent1(), "/api/v1/tickets/" + n + "/swarm", """
				{"participants":[%d],"reason":"help"}""".formatted(other.agent2().id()));
		assertThat(outsider.status()).isEqualTo(400);
		assertThat(outsider.body()).contains("participants");

		Response swarm = api.post(d.agent1(), "/api/v1/tickets/" + n + "/swarm", """
				{"participants":[%d,%d],"reason":"Outage: all hands"}""".formatted(d.agent2().id(), d.vendor().id()));
		assertThat(swarm.status()).as(swarm.toString()).isEqualTo(200);
		assertThat((List<?>) swarm.json("$.participants")).hasSize(2);

		assertThat(api.post(d.agent2(), "/api/v1/tickets/" + n + "/entries", """
				{"visibility":"INTERNAL","body":"Queue table is locked"}""").status()).isEqualTo(201);
		assertThat(api.get(d.vendor(), "/api/v1/tickets/" + n).status()).as("the invited vendor sees it")
			.isEqualTo(200);
		Response vendorNote = api.post(d.vendor(), "/api/v1/tickets/" + n + "/entries", """
				{"visibility":"INTERNAL","body":"Known defect, patch 4.2.1"}""");
		assertThat(vendorNote.status()).as(vendorNote.toString()).isEqualTo(201);
		assertThat(api.post(d.vendor(), "/api/v1/tickets/" + n + "/entries", """
				{"visibility":"PUBLIC","body":"Hello customer"}""").status()).isEqualTo(403);
		List<String> vendorSees = api.get(d.vendor(), "/api/v1/tickets/" + n + "/entries").json("$[*].body");
		assertThat(vendorSees).contains("Queue table is locked").doesNotContain("Since this morning");

		Response after = api.get(d.agent1(), "/api/v1/tickets/" + n + "/swarm");
		List<Integer> contributions = after.json("$.participants[*].contributions");
		assertThat(contributions).containsExactly(1, 1);
		Response t = api.get(d.agent1(), "/api/v1/tickets/" + n);
		assertThat((String) t.json("$.owner.username")).isEqualTo(d.agent1().username());
		assertThat((Integer) t.json("$.tier")).as("no hand-off: the ticket stays at Tier 1").isEqualTo(1);
		List<String> actions = api.get(d.agent1(), "/api/v1/tickets/" + n + "/history").json("$[*].action");
		assertThat(actions).filteredOn("SWARM_INVITED"::equals).hasSize(2);
		assertThat(api.get(d.customer(), "/api/v1/tickets/" + n + "/swarm").status()).isEqualTo(403);
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
				"select count(*) from reporting_ticket_event e join ticket t on t.id = e.ticket_id "
						+ "where t.number = ? and e.event_type = 'TicketSwarmed'", Integer.class, n) == 1);
	}

	@Test
	void aRuleCanSwarmTheCognizantAuthoritiesInsteadOfHandingOff() {
		Desk d = deskWithDirectory();
		Response rules = api.put(d.manager(), "/api/v1/programs/" + d.key() + "/routing/rules", """
				{"rules":[{"name":"Swarm supply outages","when":{"system":"R-Supply"},"then":{"swarm":true}}]}""");
		assertThat(rules.status()).as(rules.toString()).isEqualTo(200);
		String n = open(d);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			List<String> people = api.get(d.agent1(), "/api/v1/tickets/" + n + "/swarm")
				.json("$.participants[*].person.username");
			assertThat(people).containsExactlyInAnyOrder(d.agent2().username(), d.vendor().username());
		});
		Response bad = api.put(d.manager(), "/api/v1/programs/" + d.key() + "/routing/rules", """
				{"rules":[{"name":"x","when":{"system":"R-Supply"},"then":{"swarm":true,"vector":2}}]}""");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("rules[0].then.swarm");
	}
}
