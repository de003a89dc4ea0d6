package org.tierdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.Resolution;
import org.tierdesk.ticket.ResolutionCode;
import org.tierdesk.ticket.TicketKind;
import org.tierdesk.ticket.Tickets;
import org.tierdesk.ticket.Tickets.Escalation;
import org.tierdesk.ticket.Tickets.EscalationType;
import org.tierdesk.ticket.Tickets.OpenTicket;

/**
 * Every route of the API, called by every role from the ticket's own program and from another program. A ticket or
 * program the caller may not see answers 404 (its existence does not leak); a visible one the role may not act on
 * answers 403; everything else passes authorization (2xx). Each cell works on a fresh ticket in the state the route
 * needs, so no cell depends on another.
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Autowired
	Tickets tickets;

	@Autowired
	Accounts accounts;

	Desk own;

	Desk other;

	Map<String, Person> actors;

	/** A = allowed (2xx), F = forbidden (403), H = hidden (404). */
	static final List<String> ACTORS = List.of("admin", "manager", "agent1", "otherAgent1", "agent2", "vendor",
			"customer", "colleague", "otherManager", "otherAgent", "otherVendor", "otherCustomer");

	record Route(String name, String fixture, Function<Cell, Response> call, String expected) {
	}

	record Cell(String number, Person as, String otherNumber, long assignmentId) {
	}

	List<Route> routes;

	@BeforeAll
	void setUp() {
		own = testDesk.create();
		other = testDesk.create();
		actors = new LinkedHashMap<>();
		actors.put("admin", accounts.findByUsername("admin").orElseThrow());
		actors.put("manager", own.manager());
		actors.put("agent1", own.agent1());
		actors.put("otherAgent1", own.otherAgent1());
		actors.put("agent2", own.agent2());
		actors.put("vendor", own.vendor());
		actors.put("customer", own.customer());
		actors.put("colleague", own.colleague());
		actors.put("otherManager", other.manager());
		actors.put("otherAgent", other.agent1());
		actors.put("otherVendor", other.vendor());
		actors.put("otherCustomer", other.customer());
		String t = "/api/v1/tickets/";
		String p = "/api/v1/programs/" + own.key();
		// columns: admin manager agent1 otherAgent1 agent2 vendor customer colleague | other program's four
		routes = List.of(
				new Route("read ticket", "vendor", c -> api.get(c.as(), t + c.number()), "AAAAAAAH HHHH"),
				new Route("read entries", "vendor", c -> api.get(c.as(), t + c.number() + "/entries"), "AAAAAAAH HHHH"),
				new Route("read assignments", "vendor", c -> api.get(c.as(), t + c.number() + "/assignments"),
						"AAAAAAAH HHHH"),
				new Route("read history", "vendor", c -> api.get(c.as(), t + c.number() + "/history"), "AAAAAFFH HHHH"),
				new Route("read links", "vendor", c -> api.get(c.as(), t + c.number() + "/links"), "AAAAAFFH HHHH"),
				new Route("list attachments", "vendor", c -> api.get(c.as(), t + c.number() + "/attachments"),
						"AAAAAAAH HHHH"),
				new Route("public reply", "vendor", c -> api.post(c.as(), t + c.number() + "/entries",
						"{\"visibility\":\"PUBLIC\",\"body\":\"hello\"}"), "AAAAFFAH HHHH"),
				new Route("internal note", "vendor", c -> api.post(c.as(), t + c.number() + "/entries",
						"{\"visibility\":\"INTERNAL\",\"body\":\"note\"}"), "AAAAAAFH HHHH"),
				new Route("attach a file", "vendor", c -> api.upload(c.as(), t + c.number() + "/attachments",
						new MockMultipartFile("file", "log.txt", "text/plain", "log line".getBytes())), "AAAAFAAH HHHH"),
				new Route("return work", "vendor", c -> api.post(c.as(), t + c.number() + "/assignments/"
						+ c.assignmentId() + "/return", "{\"findings\":\"done\"}"), "AAFFFAFH HHHH"),
				new Route("change fields", "taken", c -> api.patch(c.as(), t + c.number(),
						"{\"category\":\"Printing\"}"), "AAAAAHFH HHHH"),
				new Route("take ownership", "new", c -> api.post(c.as(), t + c.number() + "/ownership", null),
						"AAAAFHFH HHHH"),
				new Route("escalate", "taken", c -> api.post(c.as(), t + c.number() + "/escalations",
						"{\"tier\":3,\"reason\":\"engineering\"}"), "AAAAAHFH HHHH"),
				new Route("flag to management", "taken", c -> api.post(c.as(), t + c.number() + "/escalations",
						"{\"type\":\"HIERARCHICAL\",\"reason\":\"VIP\"}"), "AAAAAHFH HHHH"),
				new Route("wait on customer", "taken", c -> api.put(c.as(), t + c.number() + "/status",
						"{\"status\":\"WAITING_ON_CUSTOMER\",\"reason\":\"asked for logs\"}"), "AAAAAHFH HHHH"),
				new Route("resolve", "taken", c -> api.put(c.as(), t + c.number() + "/resolution",
						"{\"code\":\"SOLVED\",\"solution\":\"fixed\"}"), "AAAFFHFH HHHH"),
				new Route("answer resolution", "resolved", c -> api.put(c.as(), t + c.number() + "/acceptance",
						"{\"accepted\":true}"), "AAAAAHAH HHHH"),
				new Route("cancel", "taken", c -> api.post(c.as(), t + c.number() + "/cancellation",
						"{\"reason\":\"withdrawn\"}"), "AAAAAHAH HHHH"),
				new Route("link", "taken", c -> api.post(c.as(), t + c.number() + "/links",
						"{\"type\":\"RELATED\",\"target\":\"" + c.otherNumber() + "\"}"), "AAAAAHFH HHHH"),
				new Route("merge", "taken", c -> api.post(c.as(), t + c.number() + "/merge",
						"{\"into\":\"" + c.otherNumber() + "\"}"), "AAAAAHFH HHHH"),
				new Route("read program", "none", c -> api.get(c.as(), p), "AAAAAAAA HHHH"),
				new Route("update program", "none", c -> api.put(c.as(), p, "{\"autoCloseDays\":6}"), "AAFFFFFF HHHH"),
				new Route("list groups", "none", c -> api.get(c.as(), p + "/groups"), "AAAAAFFF HHHH"),
				new Route("create group", "none", c -> api.post(c.as(), p + "/groups",
						"{\"name\":\"G" + System.nanoTime() + "\",\"tier\":2}"), "AAFFFFFF HHHH"),
				new Route("read priority matrix", "none", c -> api.get(c.as(), p + "/priority-matrix"),
						"AAAAAFFF HHHH"),
				new Route("set priority matrix", "none", c -> api.put(c.as(), p + "/priority-matrix", """
						{"cells":{"HIGH":{"HIGH":"CRITICAL","MEDIUM":"HIGH","LOW":"MEDIUM"},
						 "MEDIUM":{"HIGH":"HIGH","MEDIUM":"MEDIUM","LOW":"LOW"},
						 "LOW":{"HIGH":"MEDIUM","MEDIUM":"LOW","LOW":"PLANNING"}}}"""), "AAFFFFFF HHHH"),
				new Route("list people", "none", c -> api.get(c.as(), "/api/v1/users?program=" + own.key()),
						"AAAAAFFF HHHH"),
				new Route("add a customer", "none", c -> api.post(c.as(), "/api/v1/users", """
						{"username":"u%d","displayName":"New customer","roles":["CUSTOMER"],"programs":["%s"]}"""
					.formatted(System.nanoTime(), own.key())), "AAFFFFFF HHHH"),
				new Route("read a customer", "none", c -> api.get(c.as(), "/api/v1/users/" + own.customer().id()),
						"AAAAAHAH HHHH"),
				new Route("list directory systems", "none", c -> api.get(c.as(), p + "/directory/systems"),
						"AAAAAFFF HHHH"),
				new Route("import directory", "none", c -> api.post(c.as(), p + "/directory/import",
						"{\"systems\":[]}"), "AAFFFFFF HHHH"),
				new Route("export directory", "none", c -> api.get(c.as(), p + "/directory/export"), "AAAAAFFF HHHH"),
				new Route("directory history", "none", c -> api.get(c.as(), p + "/directory/history"),
						"AAAAAFFF HHHH"),
				new Route("list rotations", "none", c -> api.get(c.as(), p + "/directory/rotations"), "AAAAAFFF HHHH"),
				new Route("set coverage", "none", c -> api.put(c.as(), p + "/directory/coverage",
						"{\"afterHours\":\"DESK_24X7\"}"), "AAFFFFFF HHHH"),
				new Route("who covers now", "none", c -> api.get(c.as(), p + "/directory/who-covers"),
						"AAAAAFFF HHHH"),
				new Route("read routing rules", "none", c -> api.get(c.as(), p + "/routing/rules"), "AAAAAFFF HHHH"),
				new Route("save routing rules", "none", c -> api.put(c.as(), p + "/routing/rules", "{\"rules\":[]}"),
						"AAFFFFFF HHHH"),
				new Route("explain routing", "none", c -> api.post(c.as(), p + "/routing/explain",
						"{\"hypothetical\":{\"kind\":\"INCIDENT\"}}"), "AAAAAFFF HHHH"),
				new Route("open a swarm", "taken", c -> api.post(c.as(), t + c.number() + "/swarm",
						"{\"participants\":[" + own.agent2().id() + "],\"reason\":\"help\"}"), "AAAAFHFH HHHH"),
				new Route("read the swarm", "taken", c -> api.get(c.as(), t + c.number() + "/swarm"),
						"AAAAAHFH HHHH"),
				new Route("swarm suggestions", "taken", c -> api.get(c.as(), t + c.number() + "/swarm/suggestions"),
						"AAAAAHFH HHHH"),
				new Route("list onboarding cases", "none", c -> api.get(c.as(), "/api/v1/onboarding/cases"),
						"AFFFFFFF FFFF"),
				new Route("read SLA policies", "none", c -> api.get(c.as(), p + "/sla/policies"), "AAAAAFFF HHHH"),
				new Route("set a calendar", "none", c -> api.put(c.as(), p + "/sla/calendars/Always",
						"{\"allHours\":true}"), "AAFFFFFF HHHH"),
				new Route("read a ticket's clocks", "taken", c -> api.get(c.as(), t + c.number() + "/clocks"),
						"AAAAAHFH HHHH"),
				new Route("read the escalation ladder", "none", c -> api.get(c.as(), p + "/escalation/ladder"),
						"AAAAAFFF HHHH"),
				new Route("set the escalation ladder", "none", c -> api.put(c.as(), p + "/escalation/ladder",
						"{\"steps\":[]}"), "AAFFFFFF HHHH"),
				new Route("read escalation timers", "taken", c -> api.get(c.as(), t + c.number() + "/escalation-timers"),
						"AAAAAHFH HHHH"),
				new Route("check an entitlement", "none", c -> api.post(c.as(), "/api/v1/entitlements/check",
						"{\"program\":\"" + own.key() + "\",\"organization\":\"Org\"}"), "AAAAAFFF HHHH"),
				new Route("read the entitlement policy", "none", c -> api.get(c.as(), p + "/entitlement/policy"),
						"AAAAAFFF HHHH"),
				new Route("list entitlement exceptions", "none", c -> api.get(c.as(), p + "/entitlement/exceptions"),
						"AAAAAFFF HHHH"),
				new Route("set the entitlement policy", "none", c -> api.put(c.as(), p + "/entitlement/policy",
						"{\"notEntitled\":\"FLAG_FOR_REVIEW\"}"), "AAFFFFFF HHHH"));
	}

	@Test
	void everyRouteAnswersEveryRoleAsTheMatrixSays() {
		List<String> wrong = new ArrayList<>();
		for (Route route : routes) {
			String expected = route.expected().replace(" ", "");
			for (int i = 0; i < ACTORS.size(); i++) {
				String actor = ACTORS.get(i);
				Cell cell = fixture(route.fixture(), actors.get(actor));
				Response response = route.call().apply(cell);
				char got = outcome(response.status());
				if (got != expected.charAt(i)) {
					wrong.add("%s as %s: expected %s, got %d %s".formatted(route.name(), actor, expected.charAt(i),
							response.status(), response.body().length() > 160 ? response.body().substring(0, 160)
									: response.body()));
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void aTicketOfAnotherProgramIsNotFoundEvenWhenItsNumberIsGuessed() {
		Cell cell = fixture("taken", own.agent1());
		Response response = api.get(other.manager(), "/api/v1/tickets/" + cell.number());
		Response missing = api.get(other.manager(), "/api/v1/tickets/TD-999999");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.body().replace(cell.number(), "N")).isEqualTo(missing.body().replace("TD-999999", "N"));
	}

	@Test
	void uploadsAndDownloadsFollowTheConversationsVisibility() {
		Cell cell = fixture("vendor", own.agent1());
		String path = "/api/v1/tickets/" + cell.number() + "/attachments";
		Response internal = api.perform(own.agent1(), MockMvcRequestBuilders.multipart(path)
			.file(new MockMultipartFile("file", "notes.txt", "text/plain", "internal".getBytes()))
			.param("visibility", "INTERNAL"), Map.of());
		assertThat(internal.status()).isEqualTo(201);
		long id = ((Number) internal.json("$.id")).longValue();
		assertThat(api.get(own.customer(), path + "/" + id).status()).isEqualTo(404);
		assertThat(api.get(own.customer(), path).<List<Object>>json("$")).isEmpty();
		assertThat(api.get(own.vendor(), path + "/" + id).status()).as("not shared with the vendor").isEqualTo(404);
		assertThat(api.get(own.agent2(), path + "/" + id).status()).isEqualTo(200);
	}

	@Test
	void aVendorTakenOutOfItsGroupLosesItsTicketsAtOnce() {
		Desk desk = testDesk.create();
		var agent = TestDesk.principal(desk.agent1());
		String number = tickets.open(agent, new OpenTicket(desk.key(), desk.customer().id(), TicketKind.INCIDENT,
				Channel.PHONE, "Board fault", "Needs the OEM", null, null, null, null), null).ticket().number();
		tickets.take(agent, number, null, null);
		tickets.escalate(agent, number, null, new Escalation(EscalationType.FUNCTIONAL, 4, null, null, null, "OEM"));
		assertThat(api.get(desk.vendor(), "/api/v1/tickets/" + number).status()).isEqualTo(200);

		Response removed = api.call(accounts.findByUsername("admin").orElseThrow(), HttpMethod.DELETE,
				"/api/v1/programs/" + desk.key() + "/groups/" + desk.vendorGroup().id() + "/members/"
						+ desk.vendor().id(), null, Map.of());
		assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
		assertThat(api.get(desk.vendor(), "/api/v1/tickets/" + number).status())
			.as("remembered memberships are forgotten when they change").isEqualTo(404);
	}

	/** A fresh ticket of the own program in the state a route needs. */
	Cell fixture(String state, Person as) {
		if (state.equals("none")) {
			return new Cell(null, as, null, 0);
		}
		var agent = TestDesk.principal(own.agent1());
		String number = tickets.open(agent, new OpenTicket(own.key(), own.customer().id(), TicketKind.INCIDENT,
				Channel.PHONE, "Matrix", "A ticket for the matrix", null, null, null, null), null).ticket().number();
		String otherNumber = tickets.open(agent, new OpenTicket(own.key(), own.customer().id(), TicketKind.INCIDENT,
				Channel.PHONE, "Other", "Another ticket", null, null, null, null), null).ticket().number();
		long assignment = 0;
		switch (state) {
			case "new" -> {
			}
			case "taken" -> tickets.take(agent, number, null, null);
			case "vendor" -> {
				tickets.take(agent, number, null, null);
				assignment = tickets.escalate(agent, number, null, new Escalation(EscalationType.FUNCTIONAL, 4, null,
						null, null, "OEM repair")).assignment().id();
			}
			case "resolved" -> {
				tickets.take(agent, number, null, null);
				tickets.resolve(agent, number, null, new Resolution(ResolutionCode.SOLVED, "fixed", null, null));
			}
			default -> throw new IllegalArgumentException(state);
		}
		return new Cell(number, as, otherNumber, assignment);
	}

	static char outcome(int status) {
		if (status >= 200 && status < 300) {
			return 'A';
		}
		return switch (status) {
			case 403 -> 'F';
			case 404 -> 'H';
			default -> '?';
		};
	}

	@Test
	void anonymousCallersAreAskedToAuthenticate() {
		for (String path : List.of("/api/v1/tickets", "/api/v1/programs", "/api/v1/users/me",
				"/api/v1/tickets/TD-000001/history", "/actuator/prometheus")) {
			Response response = api.call(null, HttpMethod.GET, path, null, Map.of());
			assertThat(response.status()).as(path).isEqualTo(401);
			assertThat(response.header("WWW-Authenticate")).contains("Basic");
		}
	}

	@Test
	void metricsAreForAdministratorsOnly() {
		assertThat(api.get(own.manager(), "/actuator/prometheus").status()).isEqualTo(403);
		Response metrics = api.get(actors.get("admin"), "/actuator/prometheus");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
		assertThat(metrics.body()).as("requests are timed as a whole").contains("http_server_requests_seconds_count");
		assertThat(metrics.body()).as("not through each security filter").doesNotContain("spring_security_filterchains");
		assertThat(api.call(null, HttpMethod.GET, "/actuator/health", null, Map.of()).status()).isEqualTo(200);
	}
}
