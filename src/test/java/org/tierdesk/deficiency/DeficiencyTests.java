package org.tierdesk.deficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.MovableClock;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.EntryVisibility;
import org.tierdesk.ticket.Priority;
import org.tierdesk.ticket.TicketKind;
import org.tierdesk.ticket.TicketOpened;
import org.tierdesk.ticket.Resolution;
import org.tierdesk.ticket.ResolutionCode;
import org.tierdesk.ticket.Tickets;

/**
 * Deficiency reports over the REST API: raised from tickets with the directory's cognizant authority, the lifecycle
 * and its history, the known error at intake, the shipped fix told to every linked ticket once, and whether the fix
 * worked.
 */
@DeskTest
class DeficiencyTests {

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Autowired
	MovableClock clock;

	@Autowired
	Tickets tickets;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	Desk d;

	LocalDate today;

	@BeforeEach
	void desk() {
		d = testDesk.create();
		today = LocalDate.ofInstant(clock.instant(), d.program().timeZone());
		loadRSupply(api, d, today);
	}

	/** R-Supply (alias RSUP): 4.3 planned, 4.2 current, 4.1 past its end of support; Tier 3 its authority. */
	static void loadRSupply(Api api, Desk d, LocalDate today) {
		Response loaded = api.post(d.manager(), "/api/v1/programs/" + d.key() + "/directory/import", """
				{"systems":[{"name":"R-Supply","aliases":["RSUP"],"type":"SOFTWARE",
				  "releases":[{"version":"4.1","supportedFrom":"%1$s","supportedUntil":"%2$s","releasedOn":"%1$s"},
				              {"version":"4.2","supportedFrom":"%2$s","releasedOn":"%2$s"},
				              {"version":"4.3","supportedFrom":"%4$s","releasedOn":"%4$s"}],
				  "authorities":[{"tier":2,"group":"%5$s"},{"tier":3,"group":"%6$s","contact":"Dana Reyes"}],
				  "verifiedBy":"PMW-150","verifiedAt":"%2$s","reviewDue":"%3$s"}]}"""
			.formatted(today.minusDays(400), today.minusDays(10), today.plusDays(300), today.plusDays(30),
					d.tier2().name(), d.tier3().name()));
		assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
	}

	String ticket(Person requester, String version) {
		Response t = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"Requisitions hang",
				 "description":"Stuck at Submitting","facts":{"affectedSystem":"R-Supply","affectedVersion":"%s"}}"""
			.formatted(d.key(), requester.id(), version));
		assertThat(t.status()).as(t.toString()).isEqualTo(201);
		return t.json("$.number");
	}

	Response raise(String body) {
		return api.post(d.agent1(), "/api/v1/programs/" + d.key() + "/deficiencies", body);
	}

	String raised(String... ticketNumbers) {
		Response r = raise("""
				{"system":"rsup","versionFound":"4.2","severity":"HIGH","title":"Submit hangs on large requisitions",
				 "description":"Requisitions over 50 lines never leave Submitting","steps":"Add 51 lines; submit",
				 "workaround":"Split the requisition under 50 lines","tickets":[%s]}"""
			.formatted(String.join(",", List.of(ticketNumbers).stream().map(n -> "\"" + n + "\"").toList())));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json("$.number");
	}

	Response move(String number, String body) {
		return api.post(d.agent2(), "/api/v1/deficiencies/" + number + "/status", body);
	}

	@Test
	void aReportIsRaisedFromTicketsWithTheSystemsCognizantAuthority() {
		String first = ticket(d.customer(), "4.2");
		String second = ticket(d.colleague(), "4.2");
		String number = raised(first, second);
		Response dr = api.get(d.agent1(), "/api/v1/deficiencies/" + number);
		assertThat(dr.<String>json("$.system")).as("the directory's name, not the alias typed").isEqualTo("R-Supply");
		assertThat(dr.<String>json("$.status")).isEqualTo("OPEN");
		assertThat(dr.<String>json("$.authority")).contains(d.tier3().name(), "Dana Reyes", "tier 3");
		assertThat(dr.<List<String>>json("$.tickets[*].number")).containsExactly(first, second);
		assertThat(api.get(d.agent1(), "/api/v1/tickets/" + first + "/deficiencies").<List<String>>json("$[*].number"))
			.containsExactly(number);

		Response unknown = raise("""
				{"system":"Gestão de Frota","versionFound":"1","severity":"LOW","title":"t","description":"d"}""");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.<String>json("$.errors[0].field")).isEqualTo("system");
		Response noTitle = raise("{\"system\":\"R-Supply\",\"versionFound\":\"4.2\",\"severity\":\"LOW\",\"description\":\"d\"}");
		assertThat(noTitle.<String>json("$.errors[0].field")).isEqualTo("title");
		assertThat(api.get(d.customer(), "/api/v1/deficiencies/" + number).status()).isEqualTo(403);
		assertThat(api.post(d.customer(), "/api/v1/programs/" + d.key() + "/deficiencies", "{}").status())
			.isEqualTo(403);

		Desk other = testDesk.create();
		assertThat(api.get(other.agent1(), "/api/v1/deficiencies/" + number).status()).isEqualTo(404);
		String theirs = api.post(other.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"s","description":"d"}"""
			.formatted(other.key(), other.customer().id())).json("$.number");
		Response foreign = api.post(d.agent1(), "/api/v1/deficiencies/" + number + "/tickets",
				"{\"tickets\":[\"" + theirs + "\"]}");
		assertThat(foreign.status()).isEqualTo(400);
		assertThat(api.get(d.agent1(), "/api/v1/deficiencies/" + number).<List<String>>json("$.tickets[*].number"))
			.as("nothing half-written").containsExactly(first, second);
	}

	@Test
	void theLifecycleAllowsOnlyItsStepsAndKeepsEveryChange() {
		String number = raised(ticket(d.customer(), "4.2"));
		Response skip = move(number, "{\"status\":\"FIXED_IN_RELEASE\",\"fixRelease\":\"4.3\",\"plannedOn\":\"" + today
				+ "\"}");
		assertThat(skip.status()).isEqualTo(409);
		assertThat(skip.body()).contains("UNDER_ANALYSIS");
		assertThat(move(number, "{\"status\":\"UNDER_ANALYSIS\"}").status()).isEqualTo(200);
		assertThat(move(number, "{\"status\":\"FIX_IN_PROGRESS\",\"reason\":\"reproduced on 4.2\"}").status())
			.isEqualTo(200);
		Response noRelease = move(number, "{\"status\":\"FIXED_IN_RELEASE\",\"plannedOn\":\"" + today + "\"}");
		assertThat(noRelease.status()).isEqualTo(400);
		assertThat(noRelease.<String>json("$.errors[0].field")).isEqualTo("fixRelease");
		Response future = move(number, "{\"status\":\"FIXED_IN_RELEASE\",\"fixRelease\":\"4.3\",\"shippedOn\":\""
				+ today.plusDays(3) + "\"}");
		assertThat(future.<String>json("$.errors[0].field")).isEqualTo("shippedOn");
		Response fixed = move(number, "{\"status\":\"FIXED_IN_RELEASE\",\"fixRelease\":\"4.3\",\"plannedOn\":\""
				+ today.plusDays(30) + "\"}");
		assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
		assertThat(fixed.<Boolean>json("$.knownError")).as("not shipped: still the known error").isTrue();
		Response early = move(number, "{\"status\":\"CLOSED\"}");
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.body()).contains("has not shipped");
		Response stale = api.post(d.agent2(), "/api/v1/deficiencies/" + number + "/shipment?version=0",
				"{\"shippedOn\":\"" + today + "\"}");
		assertThat(stale.status()).isEqualTo(412);

		List<Map<String, Object>> history = api.get(d.agent1(), "/api/v1/deficiencies/" + number + "/history")
			.json("$");
		assertThat(history).extracting(h -> h.get("action") + ":" + h.get("newValue")).containsSubsequence(
				"RAISED:Submit hangs on large requisitions", "STATUS_CHANGED:UNDER_ANALYSIS",
				"STATUS_CHANGED:FIX_IN_PROGRESS", "STATUS_CHANGED:FIXED_IN_RELEASE", "CHANGED:4.3");
		assertThat(history).filteredOn(h -> "FIX_IN_PROGRESS".equals(h.get("newValue")))
			.extracting(h -> h.get("reason"), h -> h.get("actor"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("reproduced on 4.2", d.agent2().displayName()));
	}

	@Test
	void aShippedFixTellsEveryLinkedTicketOnce() {
		String first = ticket(d.customer(), "4.2");
		String second = ticket(d.colleague(), "4.2");
		tickets.take(TestDesk.principal(d.agent1()), first, null, "mine");
		String number = raised(first, second);
		move(number, "{\"status\":\"UNDER_ANALYSIS\"}");
		move(number, "{\"status\":\"FIX_IN_PROGRESS\"}");
		move(number, "{\"status\":\"FIXED_IN_RELEASE\",\"fixRelease\":\"4.2.1\",\"plannedOn\":\"" + today + "\"}");
		assertThat(fixNotices(first)).as("planned, not shipped").isZero();

		Response shipped = api.post(d.agent2(), "/api/v1/deficiencies/" + number + "/shipment",
				"{\"shippedOn\":\"" + today + "\"}");
		assertThat(shipped.status()).as(shipped.toString()).isEqualTo(200);
		assertThat(shipped.<Boolean>json("$.knownError")).isFalse();
		assertThat(shipped.<List<String>>json("$.tickets[*].notifiedAt")).hasSize(2).doesNotContainNull();
		assertThat(api.post(d.agent2(), "/api/v1/deficiencies/" + number + "/shipment",
				"{\"shippedOn\":\"" + today + "\"}").status()).as("ships once").isEqualTo(409);
		// a ticket gathered after the release shipped is told at once
		String late = ticket(d.customer(), "4.2");
		api.post(d.agent1(), "/api/v1/deficiencies/" + number + "/tickets", "{\"tickets\":[\"" + late + "\",\"" + first
				+ "\"]}");

		for (String t : List.of(first, second, late)) {
			assertThat(fixNotices(t)).as(t + " told once").isEqualTo(1);
		}
		assertThat(tickets.entries(TestDesk.principal(d.customer()), first))
			.filteredOn(e -> e.body().contains("4.2.1")).singleElement()
			.satisfies(e -> assertThat(e.visibility()).isEqualTo(EntryVisibility.PUBLIC))
			.satisfies(e -> assertThat(e.body()).contains(number, today.toString()));
		// the owner hears by mail, the customers by their channel (as any reply); each once
		assertThat(jdbc.queryForObject("select count(*) from intake_outbound where purpose = 'NOTICE' and recipient = ? "
				+ "and ticket_id = (select id from ticket where number = ?)", Integer.class, d.agent1().email(), first))
			.isEqualTo(1);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForObject(
				"select count(*) from intake_outbound where purpose = 'REPLY' and recipient = ? and ticket_id = "
						+ "(select id from ticket where number = ?)", Integer.class, d.colleague().email(), second))
			.isEqualTo(1));
	}

	int fixNotices(String ticket) {
		return (int) tickets.entries(TestDesk.principal(d.agent1()), ticket).stream()
			.filter(e -> e.body().contains("is fixed in")).count();
	}

	@Test
	void anOpenReportsWorkaroundIsTheKnownErrorAtIntake() {
		String number = raised(ticket(d.customer(), "4.2"));
		String issues = "/api/v1/programs/" + d.key() + "/known-issues";
		Response onTwo = api.perform(d.customer(), org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get(issues).param("system", "RSUP").param("version", "4.2"), Map.of());
		assertThat(onTwo.<List<String>>json("$.knownErrors[*].number")).containsExactly(number);
		assertThat(onTwo.<String>json("$.knownErrors[0].workaround")).contains("under 50 lines");
		assertThat(onTwo.body()).as("4.2 is current: no release warning").doesNotContain("\"release\"");
		Response onOne = api.perform(d.customer(), org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get(issues).param("system", "R-Supply").param("version", "4.1"), Map.of());
		assertThat(onOne.<List<String>>json("$.knownErrors")).isEmpty();
		assertThat(onOne.<String>json("$.release.status")).isEqualTo("END_OF_SUPPORT");
		assertThat(onOne.<String>json("$.release.currentVersion")).isEqualTo("4.2");

		// written as the ticket opens: there when the request answers
		String fresh = ticket(d.customer(), "4.2");
		assertThat(tickets.entries(TestDesk.principal(d.agent1()), fresh)).filteredOn(e -> e.body().contains(number))
			.singleElement().satisfies(e -> assertThat(e.visibility()).isEqualTo(EntryVisibility.INTERNAL))
			.satisfies(e -> assertThat(e.body()).contains("Split the requisition"));
		String old = ticket(d.customer(), "4.1");
		assertThat(tickets.entries(TestDesk.principal(d.agent1()), old))
			.anyMatch(e -> e.body().contains("Unsupported version: R-Supply 4.1 is past its end of support"));
		assertThat(tickets.entries(TestDesk.principal(d.agent1()), old)).noneMatch(e -> e.body().contains(number));

		move(number, "{\"status\":\"REJECTED\",\"reason\":\"works as designed\"}");
		assertThat(api.perform(d.customer(), org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get(issues).param("system", "RSUP").param("version", "4.2"), Map.of()).<List<String>>json(
					"$.knownErrors")).as("a rejected report is no known error").isEmpty();
	}

	@Test
	void aTicketItsOpeningTransactionCouldNotCheckIsWarnedOfAfterTheCommit() {
		String number = raised(ticket(d.customer(), "4.2"));
		String fresh = ticket(d.customer(), "4.2");
		long id = jdbc.queryForObject("select id from ticket where number = ?", Long.class, fresh);
		// as if the check had failed as it opened: no note, and an event that says it was not checked
		jdbc.update("delete from ticket_entry where ticket_id = ? and body like 'Known error%'", id);
		transaction.executeWithoutResult(s -> events.publishEvent(new TicketOpened(id, fresh, d.program().id(),
				TicketKind.INCIDENT, Channel.API, d.customer().id(), Priority.MEDIUM, null, clock.instant(), "R-Supply",
				"4.2", true, false, true)));

		await().atMost(Duration.ofSeconds(20)).until(() -> tickets.entries(TestDesk.principal(d.agent1()), fresh)
			.stream().anyMatch(e -> e.body().contains("Known error " + number)));
	}

	@Test
	void aDuplicateHandsItsTicketsToTheReportThatStands() {
		String first = ticket(d.customer(), "4.2");
		String second = ticket(d.colleague(), "4.2");
		String original = raised(first);
		String duplicate = raised(second);
		Response noReason = move(duplicate, "{\"status\":\"DUPLICATE\",\"duplicateOf\":\"" + original + "\"}");
		assertThat(noReason.<String>json("$.errors[0].field")).isEqualTo("reason");
		Response self = move(duplicate, "{\"status\":\"DUPLICATE\",\"duplicateOf\":\"" + duplicate
				+ "\",\"reason\":\"same\"}");
		assertThat(self.<String>json("$.errors[0].field")).isEqualTo("duplicateOf");
		Response moved = move(duplicate, "{\"status\":\"DUPLICATE\",\"duplicateOf\":\"" + original.toLowerCase()
				+ "\",\"reason\":\"same fault\"}");
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(moved.<String>json("$.duplicateOf")).isEqualTo(original);
		assertThat(api.get(d.agent1(), "/api/v1/deficiencies/" + original).<List<String>>json("$.tickets[*].number"))
			.containsExactly(first, second);
		assertThat(api.post(d.agent1(), "/api/v1/deficiencies/" + duplicate + "/tickets",
				"{\"tickets\":[\"" + first + "\"]}").status()).as("a duplicate gathers no more").isEqualTo(409);
	}

	@Test
	void fixFeedbackCountsReopenedAndNewTicketsSinceTheReleaseShipped() {
		String linked = ticket(d.customer(), "4.2");
		String number = raised(linked);
		assertThat(api.get(d.agent1(), "/api/v1/deficiencies/" + number + "/feedback").status()).isEqualTo(409);
		move(number, "{\"status\":\"UNDER_ANALYSIS\"}");
		move(number, "{\"status\":\"FIX_IN_PROGRESS\"}");
		move(number, "{\"status\":\"FIXED_IN_RELEASE\",\"fixRelease\":\"4.2.1\",\"shippedOn\":\"" + today + "\"}");
		clock.advance(Duration.ofHours(1));
		// the linked ticket comes back after the fix; two new tickets on 4.2, one on the fixing release
		tickets.take(TestDesk.principal(d.agent1()), linked, null, "mine");
		tickets.resolve(TestDesk.principal(d.agent1()), linked, null,
				new Resolution(ResolutionCode.SOLVED, "Installed 4.2.1", "4.2.1", today));
		tickets.answerResolution(TestDesk.principal(d.customer()), linked, null, false, "still hangs");
		ticket(d.colleague(), "4.2");
		ticket(d.colleague(), "4.2");
		ticket(d.colleague(), "4.2.1");

		Response feedback = api.get(d.agent1(), "/api/v1/deficiencies/" + number + "/feedback");
		assertThat(feedback.status()).as(feedback.toString()).isEqualTo(200);
		assertThat(feedback.<Integer>json("$.reopenedSinceFix")).isEqualTo(1);
		assertThat(feedback.<Integer>json("$.newOnVersionFoundSince")).as("two new, and the linked one opened on the "
				+ "day the release shipped (days count whole)").isEqualTo(3);
		assertThat(feedback.<Integer>json("$.newOnFixReleaseSince")).isEqualTo(1);
		assertThat(feedback.<String>json("$.verdict")).startsWith("look again");
	}
}
