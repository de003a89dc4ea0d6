package org.tierdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tierdesk.reporting.TicketEventLog;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.MovableClock;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;
import org.tierdesk.ticket.Tickets.OpenTicket;

/**
 * The whole journey of a ticket over the REST API, with its history checked step by step, plus the guarantees around
 * it (idempotent creation, no lost updates, durable events). Runs on H2 and on a real PostgreSQL.
 */
abstract class TicketJourneyTests {

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Autowired
	Tickets tickets;

	@Autowired
	TicketEventLog eventLog;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	Desk d;

	@BeforeEach
	void newProgram() {
		d = testDesk.create();
	}

	String openByPhone() {
		Response opened = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","channel":"PHONE",
				 "subject":"Requisitions hang on submit","description":"Stuck at 'Submitting' since the update",
				 "facts":{"location":"Supply office","affectedSystem":"R-Supply","affectedVersion":"4.2",
				          "circumstances":"Only for requisitions over 10 lines"},
				 "impact":"HIGH","urgency":"HIGH"}""".formatted(d.key(), d.customer().id()));
		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		return opened.json("$.number");
	}

	List<String> actions(String number) {
		return api.get(d.agent1(), "/api/v1/tickets/" + number + "/history").json("$[*].action");
	}

	@Test
	void ticketTravelsThroughEveryTierAndBackToItsOwnerUntilTheCustomerAccepts() {
		// open: Tier 1 logs the call
		Response opened = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","channel":"PHONE",
				 "subject":"Requisitions hang on submit","description":"Stuck at 'Submitting' since the update",
				 "facts":{"location":"Supply office","affectedSystem":"R-Supply","affectedVersion":"4.2"},
				 "impact":"HIGH","urgency":"HIGH"}""".formatted(d.key(), d.customer().id()));
		assertThat(opened.status()).isEqualTo(201);
		String n = opened.json("$.number");
		String path = "/api/v1/tickets/" + n;
		assertThat(n).matches("TD-\\d{6}");
		assertThat(opened.header("Location")).isEqualTo(path);
		assertThat((String) opened.json("$.status")).isEqualTo("NEW");
		assertThat((String) opened.json("$.priority")).isEqualTo("CRITICAL");
		assertThat((String) opened.json("$.program")).isEqualTo(d.key());
		assertThat((Integer) opened.json("$.tier")).isEqualTo(1);
		assertThat((Integer) opened.json("$.requester.id")).isEqualTo((int) d.customer().id());
		assertThat((String) opened.json("$.ownerGroup.name")).isEqualTo("Service Desk");
		assertThat((String) opened.json("$.facts.affectedSystem")).isEqualTo("R-Supply");
		assertThat(actions(n)).containsExactly("OPENED");

		// take
		Response taken = api.post(d.agent1(), path + "/ownership", null);
		assertThat(taken.status()).isEqualTo(200);
		assertThat((String) taken.json("$.status")).isEqualTo("OPEN");
		assertThat((String) taken.json("$.owner.username")).isEqualTo(d.agent1().username());
		assertThat(actions(n)).containsExactly("OPENED", "TAKEN", "STATUS_CHANGED");

		// escalate to Tier 2
		Response toTier2 = api.post(d.agent1(), path + "/escalations",
				"{\"tier\":2,\"reason\":\"Needs a specialist: data fault\"}");
		assertThat(toTier2.status()).as(toTier2.toString()).isEqualTo(200);
		assertThat((Integer) toTier2.json("$.tier")).isEqualTo(2);
		assertThat((String) toTier2.json("$.owner.username")).isEqualTo(d.agent1().username());
		assertThat((String) toTier2.json("$.assignment.group.name")).isEqualTo("Specialists");
		int tier2Assignment = toTier2.json("$.assignment.id");
		assertThat(actions(n)).endsWith("ESCALATED");

		// Tier 2 returns its findings to the owner
		Response back = api.post(d.agent2(), path + "/assignments/" + tier2Assignment + "/return",
				"{\"findings\":\"Hardware fault in the interface card; needs the OEM\"}");
		assertThat(back.status()).as(back.toString()).isEqualTo(200);
		assertThat((Integer) back.json("$.tier")).isEqualTo(1);
		assertThat(back.body()).doesNotContain("\"assignment\"");
		assertThat(actions(n)).endsWith("ESCALATED", "ASSIGNMENT_RETURNED").doesNotContain("RESOLVED");

		// escalate to the Tier 4 vendor
		Response toVendor = api.post(d.agent1(), path + "/escalations", """
				{"groupId":%d,"reason":"Warranty repair by the OEM"}""".formatted(d.vendorGroup().id()));
		assertThat(toVendor.status()).isEqualTo(200);
		assertThat((Integer) toVendor.json("$.tier")).isEqualTo(4);
		assertThat((String) toVendor.json("$.status")).isEqualTo("WAITING_ON_VENDOR");
		assertThat((String) toVendor.json("$.owner.username")).isEqualTo(d.agent1().username());
		int vendorAssignment = toVendor.json("$.assignment.id");

		// the vendor sees the facts, not the customer, and works its assignment
		Response vendorView = api.get(d.vendor(), path);
		assertThat(vendorView.status()).isEqualTo(200);
		assertThat(vendorView.body()).doesNotContain(d.customer().username());
		Response vendorNote = api.post(d.vendor(), path + "/entries",
				"{\"visibility\":\"INTERNAL\",\"body\":\"Card on its way\"}");
		assertThat(vendorNote.status()).as(vendorNote.toString()).isEqualTo(201);
		Response vendorBack = api.post(d.vendor(), path + "/assignments/" + vendorAssignment + "/return",
				"{\"findings\":\"Card replaced under warranty\"}");
		assertThat(vendorBack.status()).isEqualTo(200);
		assertThat((String) vendorBack.json("$.status")).isEqualTo("OPEN");
		assertThat((Integer) vendorBack.json("$.tier")).isEqualTo(1);
		assertThat(api.get(d.vendor(), path).status()).as("the vendor loses access when its work ends")
			.isEqualTo(404);

		// the owner resolves; the customer rejects
		Response resolved = api.put(d.agent1(), path + "/resolution",
				"{\"code\":\"WORKAROUND\",\"solution\":\"Submit requisitions in batches of ten\"}");
		assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
		assertThat((String) resolved.json("$.status")).isEqualTo("RESOLVED");
		Response rejected = api.put(d.customer(), path + "/acceptance",
				"{\"accepted\":false,\"reason\":\"Batches of ten still hang\"}");
		assertThat(rejected.status()).isEqualTo(200);
		assertThat((String) rejected.json("$.status")).isEqualTo("OPEN");
		assertThat((Integer) rejected.json("$.reopenCount")).isEqualTo(1);
		assertThat((String) rejected.json("$.owner.username")).isEqualTo(d.agent1().username());

		// resolved again with a fix action; the customer accepts
		Response fixed = api.put(d.agent1(), path + "/resolution", """
				{"code":"FIX_ACTION","solution":"Corrected in release 4.3","fixRelease":"4.3",
				 "fixReleaseDate":"2026-12-15"}""");
		assertThat(fixed.status()).isEqualTo(200);
		assertThat((String) fixed.json("$.resolution.fixRelease")).isEqualTo("4.3");
		Response accepted = api.put(d.customer(), path + "/acceptance", "{\"accepted\":true}");
		assertThat(accepted.status()).isEqualTo(200);
		assertThat((String) accepted.json("$.status")).isEqualTo("CLOSED");

		// the history tells the whole story, with who did what and why
		Response history = api.get(d.agent1(), path + "/history");
		List<String> actions = history.json("$[*].action");
		assertThat(actions).containsExactly("OPENED", "TAKEN", "STATUS_CHANGED", "ESCALATED", "ASSIGNMENT_RETURNED",
				"ESCALATED", "STATUS_CHANGED", "NOTE_ADDED", "ASSIGNMENT_RETURNED", "STATUS_CHANGED", "RESOLVED",
				"STATUS_CHANGED", "RESOLUTION_REJECTED", "STATUS_CHANGED", "RESOLVED", "STATUS_CHANGED",
				"RESOLUTION_ACCEPTED", "STATUS_CHANGED");
		List<String> actors = history.json("$[*].actor.username");
		assertThat(actors.get(0)).isEqualTo(d.agent1().username());
		assertThat(actors.get(4)).isEqualTo(d.agent2().username());
		assertThat(actors.get(7)).isEqualTo(d.vendor().username());
		assertThat(actors.get(8)).isEqualTo(d.vendor().username());
		assertThat(actors.get(12)).isEqualTo(d.customer().username());
		assertThat(actors.get(16)).isEqualTo(d.customer().username());
		List<Map<String, Object>> lines = history.json("$");
		assertThat(lines.get(3)).containsEntry("newValue", "2");
		assertThat((String) lines.get(3).get("reason")).contains("Needs a specialist");
		assertThat(lines.get(4)).containsEntry("oldValue", "2").containsEntry("newValue", "1");
		assertThat((String) lines.get(4).get("reason")).contains("Hardware fault");
		assertThat(lines.get(5)).containsEntry("newValue", "4");
		assertThat(lines.get(6)).containsEntry("newValue", "WAITING_ON_VENDOR");
		assertThat(lines.get(12)).containsEntry("reason", "Batches of ten still hang");
		assertThat((String) lines.get(14).get("newValue")).contains("FIX_ACTION").contains("4.3");
		assertThat(lines.get(17)).containsEntry("oldValue", "RESOLVED").containsEntry("newValue", "CLOSED");
		assertThat(history.<List<String>>json("$[*].at")).doesNotContainNull();

		// each assignment keeps its own times and findings
		Response assignments = api.get(d.agent1(), path + "/assignments");
		assertThat(assignments.<List<Integer>>json("$[*].tier")).containsExactly(2, 4);
		assertThat(assignments.<List<String>>json("$[*].status")).containsExactly("RETURNED", "RETURNED");
		assertThat(assignments.<List<String>>json("$[*].findings")).containsExactly(
				"Hardware fault in the interface card; needs the OEM", "Card replaced under warranty");
		assertThat(assignments.<List<String>>json("$[*].endedAt")).doesNotContainNull();

		// the customer sees only the public conversation
		Response customerEntries = api.get(d.customer(), path + "/entries");
		assertThat(customerEntries.<List<String>>json("$[*].visibility")).containsOnly("PUBLIC");
		assertThat(customerEntries.body()).doesNotContain("Card on its way").doesNotContain("Hardware fault");

		// every step reached the event history that reports are built from (through the outbox, after commit)
		long ticketId = ((Number) accepted.json("$.id")).longValue();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
				"select event_type from reporting_ticket_event where ticket_id = ?", String.class, ticketId))
			.contains("TicketOpened", "TicketTaken", "TicketEscalated", "AssignmentReturned", "TicketResolved",
					"ResolutionRejected", "ResolutionAccepted", "TicketClosed")
			.filteredOn("TicketEscalated"::equals).hasSize(2));
	}

	@Test
	void repeatingACreateWithTheSameIdempotencyKeyReturnsTheFirstTicket() {
		String body = """
				{"program":"%s","requesterId":%d,"kind":"SERVICE_REQUEST","subject":"Access please",
				 "description":"Read access to the portal"}""".formatted(d.key(), d.customer().id());
		Map<String, String> key = Map.of("Idempotency-Key", "retry-" + d.key());
		Response first = api.call(d.agent1(), HttpMethod.POST, "/api/v1/tickets", body, key);
		Response again = api.call(d.agent1(), HttpMethod.POST, "/api/v1/tickets", body, key);
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(200);
		assertThat((String) again.json("$.number")).isEqualTo(first.json("$.number"));
		assertThat(ticketsOfProgram()).isEqualTo(1);

		Response misuse = api.call(d.agent1(), HttpMethod.POST, "/api/v1/tickets",
				body.replace("Access please", "Something else"), key);
		assertThat(misuse.status()).isEqualTo(400);
		assertThat(misuse.body()).contains("Idempotency-Key");
		assertThat(ticketsOfProgram()).isEqualTo(1);
	}

	@Test
	void concurrentRetriesWithOneIdempotencyKeyCreateOneTicket() throws Exception {
		var me = TestDesk.principal(d.agent1());
		OpenTicket request = new OpenTicket(d.key(), d.customer().id(), TicketKind.INCIDENT, Channel.API, "Race",
				"Eight retries at once", null, null, null, null);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<String>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				calls.add(() -> tickets.open(me, request, "race-" + d.key()).ticket().number());
			}
			List<String> numbers = new ArrayList<>();
			for (Future<String> f : pool.invokeAll(calls)) {
				numbers.add(f.get());
			}
			assertThat(numbers).hasSize(8).containsOnly(numbers.get(0));
		}
		finally {
			pool.shutdown();
		}
		assertThat(ticketsOfProgram()).isEqualTo(1);
	}

	@Test
	void aChangeAgainstAStaleVersionIsRefusedAndChangesNothing() {
		String n = openByPhone();
		String path = "/api/v1/tickets/" + n;
		Response read = api.get(d.agent1(), path);
		String etag = read.header("ETag");
		assertThat(etag).isEqualTo("\"" + read.json("$.version") + "\"");

		Response taken = api.call(d.agent1(), HttpMethod.POST, path + "/ownership", null, Map.of("If-Match", etag));
		assertThat(taken.status()).isEqualTo(200);
		assertThat(taken.header("ETag")).isNotEqualTo(etag);

		Response stale = api.call(d.otherAgent1(), HttpMethod.POST, path + "/escalations",
				"{\"tier\":2,\"reason\":\"based on what I saw earlier\"}", Map.of("If-Match", etag));
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.raw().getContentType()).startsWith("application/problem+json");
		assertThat(actions(n)).doesNotContain("ESCALATED");
		assertThat((Integer) api.get(d.agent1(), path).json("$.tier")).isEqualTo(1);

		Response fresh = api.call(d.otherAgent1(), HttpMethod.POST, path + "/escalations",
				"{\"tier\":2,\"reason\":\"now with the current version\"}", Map.of("If-Match", taken.header("ETag")));
		assertThat(fresh.status()).isEqualTo(200);
	}

	@Test
	void anUnansweredResolutionClosesByItselfAfterTheProgramsDays() {
		String n = openByPhone();
		var agent = TestDesk.principal(d.agent1());
		tickets.take(agent, n, null, null);
		tickets.resolve(agent, n, null, new Resolution(ResolutionCode.SOLVED, "Reset the account", null, null));
		// the sweep covers every program (other tests' resolutions too): this ticket is what it must leave alone
		tickets.closeUnansweredResolutions(TicketViews.SYSTEM_ACTOR);
		assertThat((String) api.get(d.customer(), "/api/v1/tickets/" + n).json("$.status")).isEqualTo("RESOLVED");
		clock.advance(Duration.ofDays(5).plusMinutes(1));
		assertThat(tickets.closeUnansweredResolutions(TicketViews.SYSTEM_ACTOR)).isPositive();
		Response closed = api.get(d.customer(), "/api/v1/tickets/" + n);
		assertThat((String) closed.json("$.status")).isEqualTo("CLOSED");
		assertThat(actions(n)).endsWith("AUTO_CLOSED", "STATUS_CHANGED");
	}

	@Test
	void listsFilterPageAndSortOnlyWhatTheCallerMaySee() {
		String first = openByPhone();
		String second = openByPhone();
		tickets.take(TestDesk.principal(d.agent1()), second, null, null);
		Desk other = testDesk.create();
		String foreign = tickets.open(TestDesk.principal(other.agent1()), new OpenTicket(other.key(),
				other.customer().id(), TicketKind.INCIDENT, Channel.PHONE, "Foreign", "Other program", null, null,
				null, null), null).ticket().number();

		Response mine = api.get(d.agent1(), "/api/v1/tickets?size=100&sort=number,asc");
		List<String> numbers = mine.json("$.items[*].number");
		assertThat(numbers).contains(first, second).doesNotContain(foreign);

		Response open = api.get(d.agent1(), "/api/v1/tickets?program=" + d.key() + "&status=OPEN");
		assertThat(open.<List<String>>json("$.items[*].number")).containsExactly(second);
		Response byOwner = api.get(d.agent1(), "/api/v1/tickets?owner=" + d.agent1().id());
		assertThat(byOwner.<List<String>>json("$.items[*].number")).containsExactly(second);

		Response page = api.get(d.agent1(), "/api/v1/tickets?program=" + d.key() + "&size=1&sort=number,desc");
		assertThat(page.<List<String>>json("$.items[*].number")).containsExactly(second);
		assertThat((Integer) page.json("$.totalItems")).isEqualTo(2);
		assertThat((Integer) page.json("$.totalPages")).isEqualTo(2);

		Response since = api.get(d.agent1(), "/api/v1/tickets?program=" + d.key() + "&updatedSince="
				+ clock.instant().plusSeconds(1));
		assertThat(since.<List<String>>json("$.items")).isEmpty();

		Response badSort = api.get(d.agent1(), "/api/v1/tickets?sort=description");
		assertThat(badSort.status()).isEqualTo(400);
		assertThat(badSort.body()).contains("\"field\":\"sort\"");

		Response customerList = api.get(other.customer(), "/api/v1/tickets");
		assertThat(customerList.<List<String>>json("$.items[*].number")).containsExactly(foreign);
		assertThat(api.get(d.stranger(), "/api/v1/tickets").<List<String>>json("$.items")).isEmpty();
	}

	@Test
	void mergingADuplicateClosesItAndKeepsBothHistories() {
		String original = openByPhone();
		String duplicate = openByPhone();
		Response merged = api.post(d.agent1(), "/api/v1/tickets/" + duplicate + "/merge",
				"{\"into\":\"" + original + "\"}");
		assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
		assertThat((String) merged.json("$.status")).isEqualTo("CLOSED");
		assertThat((String) merged.json("$.mergedInto")).isEqualTo(original);
		assertThat(actions(duplicate)).contains("OPENED", "LINKED", "MERGED");
		assertThat(actions(original)).contains("OPENED", "LINKED", "MERGED_FROM");
		Response links = api.get(d.agent1(), "/api/v1/tickets/" + original + "/links");
		assertThat(links.<List<String>>json("$[*].type")).containsExactly("DUPLICATED_BY");
		assertThat(links.<List<String>>json("$[*].ticket")).containsExactly(duplicate);
	}

	@Test
	void ticketNumbersStayUniqueUnderConcurrentCreation() throws Exception {
		var me = TestDesk.principal(d.agent1());
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<String>> calls = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				int k = i;
				calls.add(() -> tickets.open(me, new OpenTicket(d.key(), d.customer().id(), TicketKind.INCIDENT,
						Channel.API, "Call " + k, "Concurrent", null, null, null, null), null).ticket().number());
			}
			List<String> numbers = new ArrayList<>();
			for (Future<String> f : pool.invokeAll(calls)) {
				numbers.add(f.get());
			}
			assertThat(numbers).doesNotHaveDuplicates().hasSize(40);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void eventCountsArePerProgramAndPeriod() {
		openByPhone();
		Instant from = clock.instant().minusSeconds(60);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eventLog
			.countsByType(d.program().id(), from, clock.instant().plusSeconds(60))).containsEntry("TicketOpened", 1L));
	}

	private int ticketsOfProgram() {
		return jdbc.queryForObject("select count(*) from ticket where program_id = ?", Integer.class,
				d.program().id());
	}
}
