package org.tierdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.Priority;
import org.tierdesk.ticket.TicketKind;
import org.tierdesk.ticket.TicketOpened;
import org.tierdesk.ticket.Tickets;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.MovableClock;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

/** Routing new tickets by each program's rules: vectoring, on-call after hours, person assignment, explain, dry run. */
@DeskTest
class RoutingTests {

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Tickets tickets;

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Lisbon"));
	}

	void loadDirectory(Desk d) {
		Response r = api.post(d.manager(), "/api/v1/programs/" + d.key() + "/directory/import", """
				{"systems":[
				 {"name":"R-Supply","aliases":["Relational Supply","RSUP"],"type":"SOFTWARE",
				  "authorities":[{"tier":2,"group":"Specialists","contact":"Dana Reyes","phone":"+1 555 0102"},
				                 {"tier":4,"group":"OEM Vendor","contact":"OEM hotline"}],
				  "verifiedBy":"PMW-150","verifiedAt":"%s","reviewDue":"%s"},
				 {"name":"Radar Console","type":"HARDWARE",
				  "authorities":[{"tier":3,"group":"Engineering"}],
				  "verifiedBy":"PMW-120","verifiedAt":"%1$s","reviewDue":"%2$s"}]}"""
			.formatted(today().minusDays(10), today().plusDays(300)));
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
	}

	/** Office hours round the clock every day, except on the given holidays; after hours the on-call is reached. */
	void coverage(Desk d, String holidays, String emergencyPriorities) {
		String allDay = "[\"00:00-24:00\"]";
		Response r = api.put(d.manager(), "/api/v1/programs/" + d.key() + "/directory/coverage", """
				{"officeHours":{"MONDAY":%1$s,"TUESDAY":%1$s,"WEDNESDAY":%1$s,"THURSDAY":%1$s,"FRIDAY":%1$s,
				  "SATURDAY":%1$s,"SUNDAY":%1$s},
				 "holidays":[%2$s],"afterHours":"ON_CALL","emergencyPriorities":[%3$s],
				 "notes":"After hours, Specialists' on-call engineer answers R-Supply outages"}"""
			.formatted(allDay, holidays, emergencyPriorities));
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
	}

	void rules(Desk d, String json) {
		Response r = api.put(d.manager(), "/api/v1/programs/" + d.key() + "/routing/rules?reason=test", json);
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
	}

	String open(Desk d, String system, String subject, String impactUrgency) {
		Response opened = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","channel":"PHONE",
				 "subject":"%s","description":"Reported by phone",
				 "facts":{"location":"Supply office","affectedSystem":"%s"},
				 "impact":"%s","urgency":"%5$s"}""".formatted(d.key(), d.customer().id(), subject, system,
				impactUrgency));
		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		return opened.json("$.number");
	}

	Response ticket(Desk d, String number) {
		return api.get(d.agent1(), "/api/v1/tickets/" + number);
	}

	/** Routing's decision on the ticket: made in the transaction that opened it, so there once it answers. */
	String routed(String number) {
		assertThat(jdbc.queryForObject(
				"select count(*) from routing_decision d join ticket t on t.id = d.ticket_id where t.number = ?",
				Integer.class, number)).as("routed as it opened").isEqualTo(1);
		return jdbc.queryForObject(
				"select d.outcome from routing_decision d join ticket t on t.id = d.ticket_id where t.number = ?",
				String.class, number);
	}

	@Test
	void aTicketForASystemIsVectoredToItsTier2AuthorityInOfficeHoursAndToTheOnCallPersonAfterHours() {
		Desk d = testDesk.create();
		loadDirectory(d);
		coverage(d, "", "");
		Response rotation = api.put(d.manager(), "/api/v1/programs/" + d.key()
				+ "/directory/rotations/Specialists after hours", """
				{"group":"Specialists","members":["%s"],"shiftDays":7,"handover":"08:00","startsOn":"%s"}"""
			.formatted(d.agent2().username(), today().minusDays(3)));
		assertThat(rotation.status()).as(rotation.toString()).isEqualTo(200);
		rules(d, """
				{"rules":[
				 {"name":"Radar to engineering","when":{"system":"Radar Console"},"then":{"assignGroup":"Engineering"}},
				 {"name":"Supply incidents to the cognizant authority","when":{"system":"rsup","kind":"INCIDENT"},
				  "then":{"vector":2}}]}""");

		String inOfficeHours = open(d, "Relational Supply", "Requisitions hang", "MEDIUM");
		assertThat(routed(inOfficeHours)).contains("work to Specialists (tier 2)").doesNotContain("on call");
		Response t = ticket(d, inOfficeHours);
		assertThat((Integer) t.json("$.tier")).isEqualTo(2);
		assertThat((String) t.json("$.assignment.group.name")).isEqualTo("Specialists");
		Map<String, Object> assignment = t.json("$.assignment");
		assertThat(assignment.get("assignee")).as("waits in the group's queue").isNull();
		Map<String, Object> whole = t.json("$");
		assertThat(whole.get("owner")).as("the owner stays with Tier 1").isNull();
		assertThat((String) t.json("$.ownerGroup.name")).isEqualTo("Service Desk");
		List<String> reasons = api.get(d.agent1(), "/api/v1/tickets/" + inOfficeHours + "/history")
			.json("$[?(@.action == 'ESCALATED')].reason");
		assertThat(reasons).singleElement().asString()
			.contains("routing rule 'Supply incidents to the cognizant authority'");

		coverage(d, "\"" + today() + "\"", "");
		String afterHours = open(d, "R-Supply", "Requisitions hang again", "MEDIUM");
		assertThat(routed(afterHours)).contains("for " + d.agent2().username() + " (on call)");
		Response t2 = ticket(d, afterHours);
		assertThat((String) t2.json("$.assignment.group.name")).isEqualTo("Specialists");
		assertThat((String) t2.json("$.assignment.assignee.username")).isEqualTo(d.agent2().username());
		Map<String, Object> whole2 = t2.json("$");
		assertThat(whole2.get("owner")).isNull();

		Response onCall = api.get(d.agent1(), "/api/v1/programs/" + d.key() + "/directory/on-call?system=rsup");
		assertThat(onCall.status()).as(onCall.toString()).isEqualTo(200);
		assertThat((Boolean) onCall.json("$.officeHours")).isFalse();
		assertThat((String) onCall.json("$.tiers[?(@.tier == 2)].onCall.person").toString())
			.contains(d.agent2().username());
		Response covers = api.get(d.agent1(), "/api/v1/programs/" + d.key() + "/directory/who-covers");
		assertThat(covers.json("$.groups[*].onCall.person").toString()).contains(d.agent2().username());

		String other = open(d, "Radar Console", "Sweep frozen", "MEDIUM");
		assertThat(routed(other)).contains("work to Engineering (tier 3)");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForObject(
				"select count(*) from event_publication where listener_id like '%RoutingListener%' "
						+ "and completion_date is null", Integer.class))
			.as("the registry saw every routing complete").isZero());
	}

	@Test
	void afterHoursOnlyTheEmergencyPrioritiesReachTheOnCallPerson() {
		Desk d = testDesk.create();
		loadDirectory(d);
		coverage(d, "\"" + today() + "\"", "\"CRITICAL\"");
		api.put(d.manager(), "/api/v1/programs/" + d.key() + "/directory/rotations/night", """
				{"group":"Specialists","members":["%s"],"shiftDays":1,"handover":"00:00","startsOn":"%s"}"""
			.formatted(d.agent2().username(), today().minusDays(1)));
		rules(d, """
				{"rules":[{"name":"Supply","when":{"system":"R-Supply"},"then":{"vector":2}}]}""");
		String routine = open(d, "R-Supply", "Report layout", "LOW");
		assertThat(routed(routine)).contains("work to Specialists").doesNotContain("on call");
		String outage = open(d, "R-Supply", "Nobody can log in", "HIGH");
		// HIGH impact and HIGH urgency make a CRITICAL priority in the default matrix
		assertThat((String) ticket(d, outage).json("$.priority")).isEqualTo("CRITICAL");
		assertThat(routed(outage)).contains("(on call)");
	}

	@Test
	void roundRobinGivesWorkToEachAvailableMemberInTurnAndSkipsThoseAway() {
		Desk d = testDesk.create();
		Person second = testDesk.addAgent(d, d.tier2(), "agent2b");
		Response mode = api.put(d.manager(), "/api/v1/programs/" + d.key() + "/groups/" + d.tier2().id()
				+ "/person-assignment", "{\"personAssignment\":\"ROUND_ROBIN\"}");
		assertThat(mode.status()).as(mode.toString()).isEqualTo(200);
		rules(d, """
				{"rules":[{"name":"Everything to specialists","when":{"kind":"INCIDENT"},
				  "then":{"assignGroup":"Specialists"}}]}""");
		List<String> assignees = new java.util.ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String n = open(d, "Anything", "Problem " + i, "MEDIUM");
			routed(n);
			assignees.add(ticket(d, n).json("$.assignment.assignee.username"));
		}
		assertThat(assignees).containsOnly(d.agent2().username(), second.username());
		assertThat(assignees.get(0)).isNotEqualTo(assignees.get(1));
		assertThat(assignees.get(0)).isEqualTo(assignees.get(2));
		assertThat(assignees.get(1)).isEqualTo(assignees.get(3));

		Response away = api.post(d.manager(), "/api/v1/programs/" + d.key() + "/directory/absences", """
				{"person":"%s","from":"%s","until":"%s","reason":"annual leave"}""".formatted(second.username(),
				clock.instant().minusSeconds(60), clock.instant().plus(Duration.ofDays(5))));
		assertThat(away.status()).as(away.toString()).isEqualTo(201);
		for (int i = 0; i < 2; i++) {
			String n = open(d, "Anything", "While away " + i, "MEDIUM");
			routed(n);
			assertThat((String) ticket(d, n).json("$.assignment.assignee.username")).isEqualTo(d.agent2().username());
		}
	}

	@Test
	void leastLoadedGivesEscalatedWorkToTheMemberWithTheLeastOpenWork() {
		Desk d = testDesk.create();
		Person second = testDesk.addAgent(d, d.tier2(), "agent2c");
		api.put(d.manager(), "/api/v1/programs/" + d.key() + "/groups/" + d.tier2().id() + "/person-assignment",
				"{\"personAssignment\":\"LEAST_LOADED\"}");
		// agent2 already holds two pieces of work, given by hand
		for (int i = 0; i < 2; i++) {
			String n = open(d, "X", "Held " + i, "MEDIUM");
			routed(n);
			Response e = api.post(d.agent1(), "/api/v1/tickets/" + n + "/escalations", """
					{"tier":2,"groupId":%d,"assigneeId":%d,"reason":"specialist needed"}"""
				.formatted(d.tier2().id(), d.agent2().id()));
			assertThat(e.status()).as(e.toString()).isEqualTo(200);
		}
		String n = open(d, "X", "New work", "MEDIUM");
		routed(n);
		Response e = api.post(d.agent1(), "/api/v1/tickets/" + n + "/escalations", """
				{"tier":2,"groupId":%d,"reason":"specialist needed"}""".formatted(d.tier2().id()));
		assertThat(e.status()).as(e.toString()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				(String) ticket(d, n).json("$.assignment.assignee.username")).isEqualTo(second.username()));
	}

	@Test
	void theOpeningRequestAnswersWithTheTicketAlreadyRouted() {
		Desk d = testDesk.create();
		loadDirectory(d);
		rules(d, """
				{"rules":[{"name":"outages","when":{"keywords":["outage"]},
				  "then":{"priority":"HIGH","category":"Outage","assignPerson":"%s"}}]}""".formatted(
				d.otherAgent1().username()));
		Response opened = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","channel":"PHONE",
				 "subject":"Supply outage","description":"Nothing posts","impact":"LOW","urgency":"LOW"}"""
			.formatted(d.key(), d.customer().id()));

		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		assertThat((String) opened.json("$.priority")).isEqualTo("HIGH");
		assertThat((String) opened.json("$.category")).isEqualTo("Outage");
		assertThat((String) opened.json("$.owner.username")).isEqualTo(d.otherAgent1().username());
		assertThat((String) opened.json("$.status")).isEqualTo("OPEN");
	}

	@Test
	void aTicketItsOpeningTransactionCouldNotRouteIsRoutedAfterTheCommit() {
		Desk d = testDesk.create();
		loadDirectory(d);
		rules(d, """
				{"rules":[{"name":"supply","when":{"system":"R-Supply"},"then":{"assignGroup":"Specialists"}}]}""");
		String n = open(d, "Coffee Machine", "No coffee", "LOW");
		long id = jdbc.queryForObject("select id from ticket where number = ?", Long.class, n);
		// as if routing had failed as it opened: no decision, and an event that says it was not routed
		jdbc.update("delete from routing_decision where ticket_id = ?", id);
		jdbc.update("update ticket set affected_system = 'R-Supply' where id = ?", id);
		transaction.executeWithoutResult(s -> events.publishEvent(new TicketOpened(id, n, d.program().id(),
				TicketKind.INCIDENT, Channel.PHONE, d.customer().id(), Priority.LOW, null, clock.instant(),
				"R-Supply", null, false, true, true)));

		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
				"select count(*) from routing_decision where ticket_id = ?", Integer.class, id) == 1);
		assertThat(routed(n)).contains("work to Specialists (tier 2)");
	}

	@Test
	void rulesSetPriorityCategoryWatchersAndAnOwnerAndAreCheckedOnSave() {
		Desk d = testDesk.create();
		loadDirectory(d);
		Response bad = api.put(d.manager(), "/api/v1/programs/" + d.key() + "/routing/rules", """
				{"fallbackGroup":"Specialists","rules":[
				 {"name":"one","when":{"colour":"red","system":"Unknown System","kind":"PROBLEM"},
				  "then":{"assignGroup":"Nobody"}},
				 {"name":"two","when":{"kind":"INCIDENT"},"then":{"teleport":true,"assignPerson":"%s"}},
				 {"name":"three","then":{}}]}""".formatted(d.agent3().username()));
		assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
		List<Map<String, Object>> errors = bad.json("$.errors");
		assertThat(errors).extracting(e -> e.get("field")).contains("fallbackGroup", "rules[0].when.colour",
				"rules[0].when.system", "rules[0].when.kind", "rules[0].then.assignGroup", "rules[1].then.teleport",
				"rules[1].then.assignPerson", "rules[2].then");
		assertThat((Integer) api.get(d.agent1(), "/api/v1/programs/" + d.key() + "/routing/rules").json("$.version"))
			.as("nothing saved").isZero();

		rules(d, """
				{"rules":[{"name":"VIP outages","when":{"keywords":["outage","não funciona"]},
				  "unless":{"priority":"CRITICAL"},
				  "then":{"priority":"HIGH","category":"Outage","watchers":["%s"],"assignPerson":"%s"}}]}"""
			.formatted(d.manager().username(), d.otherAgent1().username()));
		String n = open(d, "R-Supply", "Sistema NAO FUNCIONA desde ontem", "LOW");
		routed(n);
		Response t = ticket(d, n);
		assertThat((String) t.json("$.priority")).isEqualTo("HIGH");
		assertThat((String) t.json("$.category")).isEqualTo("Outage");
		assertThat((String) t.json("$.owner.username")).isEqualTo(d.otherAgent1().username());
		assertThat((String) t.json("$.status")).isEqualTo("OPEN");
		List<String> actions = api.get(d.agent1(), "/api/v1/tickets/" + n + "/history").json("$[*].action");
		assertThat(actions).contains("WATCHER_ADDED", "ROUTED", "FIELD_CHANGED");

		String untouched = open(d, "R-Supply", "Question about reports", "LOW");
		assertThat(routed(untouched)).startsWith("queue Service Desk");
		Map<String, Object> plain = ticket(d, untouched).json("$");
		assertThat(plain.get("owner")).isNull();
	}

	@Test
	void explainSaysWhichRuleMatchesAndWhyTheEarlierOnesDoNot() {
		Desk d = testDesk.create();
		loadDirectory(d);
		rules(d, """
				{"rules":[
				 {"name":"Hardware","when":{"systemType":"HARDWARE"},"then":{"vector":3}},
				 {"name":"Email requests","when":{"channel":["EMAIL","WEB"]},"then":{"assignGroup":"Engineering"}},
				 {"name":"Supply","when":{"system":"R-Supply"},"then":{"vector":2,"priority":"HIGH"}}]}""");
		Response r = api.post(d.agent1(), "/api/v1/programs/" + d.key() + "/routing/explain", """
				{"hypothetical":{"kind":"INCIDENT","channel":"PHONE","system":"rsup","subject":"slow"}}""");
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		assertThat((String) r.json("$.matched.name")).isEqualTo("Supply");
		assertThat((Integer) r.json("$.matched.position")).isEqualTo(3);
		assertThat((String) r.json("$.rules[0].why")).isEqualTo("systemType is 'software', not one of [HARDWARE]");
		assertThat((String) r.json("$.rules[1].why")).isEqualTo("channel is 'phone', not one of [EMAIL, WEB]");
		assertThat((String) r.json("$.outcome.assignGroup")).isEqualTo("Specialists");
		assertThat((Boolean) r.json("$.outcome.vectored")).isTrue();
		assertThat((String) r.json("$.outcome.priority")).isEqualTo("HIGH");
		assertThat((Integer) r.json("$.ruleSetVersion")).isEqualTo(1);

		String n = open(d, "Nothing known", "Unrelated", "MEDIUM");
		routed(n);
		Response existing = api.post(d.agent1(), "/api/v1/programs/" + d.key() + "/routing/explain",
				"{\"ticket\":\"" + n + "\"}");
		assertThat((Boolean) existing.json("$.fallback")).isTrue();
		assertThat((String) existing.json("$.outcome.ownerGroup")).isEqualTo("Service Desk");
		assertThat(api.post(d.customer(), "/api/v1/programs/" + d.key() + "/routing/explain",
				"{\"ticket\":\"" + n + "\"}").status()).isEqualTo(403);
	}

	@Test
	void aDryRunReportsHowTheLastTicketsWouldBeRoutedUnderProposedRules() {
		Desk d = testDesk.create();
		loadDirectory(d);
		String supply = open(d, "R-Supply", "Slow", "MEDIUM");
		String radar = open(d, "Radar Console", "Frozen", "MEDIUM");
		routed(supply);
		routed(radar);
		Response r = api.post(d.manager(), "/api/v1/programs/" + d.key() + "/routing/dry-run", """
				{"last":50,"rules":{"rules":[{"name":"Radar","when":{"system":"Radar Console"},"then":{"vector":3}}]}}""");
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		assertThat((Integer) r.json("$.compared")).isEqualTo(2);
		assertThat((Integer) r.json("$.changed")).isEqualTo(1);
		assertThat((String) r.json("$.changes[0].ticket")).isEqualTo(radar);
		assertThat((String) r.json("$.changes[0].ruleProposed")).isEqualTo("Radar");
		assertThat((String) r.json("$.changes[0].outcomeProposed")).contains("Engineering (tier 3)");
		assertThat((Integer) api.get(d.agent1(), "/api/v1/programs/" + d.key() + "/routing/rules").json("$.version"))
			.as("a dry run saves nothing").isZero();
	}

	@Test
	void ruleChangesAreVersionedWithWhoWhenAndWhyAndAStaleSaveIsRefused() {
		Desk d = testDesk.create();
		rules(d, "{\"rules\":[{\"name\":\"a\",\"when\":{\"kind\":\"INCIDENT\"},\"then\":{\"priority\":\"HIGH\"}}]}");
		Response second = api.call(d.manager(), org.springframework.http.HttpMethod.PUT,
				"/api/v1/programs/" + d.key() + "/routing/rules?reason=lower", 
				"{\"rules\":[{\"name\":\"a\",\"when\":{\"kind\":\"INCIDENT\"},\"then\":{\"priority\":\"LOW\"}}]}",
				Map.of("If-Match", "\"1\""));
		assertThat(second.status()).as(second.toString()).isEqualTo(200);
		assertThat(second.header("ETag")).isEqualTo("\"2\"");
		Response stale = api.call(d.manager(), org.springframework.http.HttpMethod.PUT,
				"/api/v1/programs/" + d.key() + "/routing/rules", "{\"rules\":[]}", Map.of("If-Match", "\"1\""));
		assertThat(stale.status()).isEqualTo(412);
		Response versions = api.get(d.agent1(), "/api/v1/programs/" + d.key() + "/routing/rules/versions");
		List<Integer> numbers = versions.json("$[*].version");
		assertThat(numbers).containsExactly(2, 1);
		assertThat((String) versions.json("$[0].savedBy")).isEqualTo(d.manager().username());
		assertThat((String) versions.json("$[0].reason")).isEqualTo("lower");
		assertThat((String) api.get(d.agent1(), "/api/v1/programs/" + d.key() + "/routing/rules/versions/1")
			.json("$.rules.rules[0].then.priority")).isEqualTo("HIGH");
		assertThat(api.put(d.agent1(), "/api/v1/programs/" + d.key() + "/routing/rules", "{\"rules\":[]}").status())
			.as("agents do not change rules").isEqualTo(403);
	}

	@Test
	void customFieldsTravelWithTheTicketAndRulesRouteOnThem() {
		Desk d = testDesk.create();
		rules(d, """
				{"rules":[{"name":"Carriers","when":{"custom.hull":["CVN-78"]},"then":{"assignGroup":"Engineering"}}]}""");
		Response opened = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"Catapult fault","description":"x",
				 "customFields":{"hull":"cvn-78","compartment":"2-120-0-E"}}""".formatted(d.key(), d.customer().id()));
		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		String n = opened.json("$.number");
		assertThat((String) opened.json("$.customFields.compartment")).isEqualTo("2-120-0-E");
		assertThat(routed(n)).contains("work to Engineering (tier 3)");
		Response bad = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"x","description":"x",
				 "customFields":{"9 lives":"x"}}""".formatted(d.key(), d.customer().id()));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("customFields");
	}
}
