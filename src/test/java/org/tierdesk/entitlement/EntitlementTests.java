package org.tierdesk.entitlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.MovableClock;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

/** Contracts, assets and licences loaded from CSV; the check at intake and on demand; policy and exceptions. */
@DeskTest
class EntitlementTests {

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Autowired
	MovableClock clock;

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Lisbon"));
	}

	Response csv(Desk d, String kind, String body) {
		return api.perform(d.manager(), MockMvcRequestBuilders
			.post("/api/v1/programs/" + d.key() + "/entitlement/import/" + kind)
			.contentType(new MediaType("text", "csv")).content(body), Map.of());
	}

	/** Org A: a GOLD contract covering R-Supply; Org B: an expired one; assets and a licence over its limit. */
	void load(Desk d) {
		String contracts = """
				number,organization,service_level,starts_on,ends_on,covered_systems,covered_sites
				C-100,Org %1$s,GOLD,%2$s,%3$s,R-Supply|Radar,
				C-200,Other org,SILVER,%4$s,%5$s,,
				""".formatted(d.key(), today().minusYears(1), today().plusYears(1), today().minusYears(2),
				today().minusDays(1));
		Response loaded = csv(d, "contracts", contracts);
		assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
		assertThat((Integer) loaded.json("$.created")).isEqualTo(2);
		assertThat((Integer) csv(d, "contracts", contracts).json("$.unchanged")).as("idempotent").isEqualTo(2);
		Response assets = csv(d, "assets", """
				serial_number,system,site,organization,contract_number,warranty_ends
				SN-1,R-Supply,Norfolk,Org %1$s,C-100,
				SN-2,Radar,Norfolk,Other org,C-200,
				SN-3,Printer,Norfolk,Org %1$s,,%2$s
				""".formatted(d.key(), today().plusDays(30)));
		assertThat(assets.status()).as(assets.toString()).isEqualTo(200);
		assertThat(csv(d, "licences", """
				organization,product,entitled,used
				Org %s,Radar,10,12
				""".formatted(d.key())).status()).isEqualTo(200);
	}

	Response check(Desk d, String json) {
		return api.post(d.agent1(), "/api/v1/entitlements/check", json.formatted(d.key()));
	}

	@Test
	void aBadRowChangesNothingAndEveryProblemIsNamedByLineAndColumn() {
		Desk d = testDesk.create();
		Response bad = csv(d, "contracts", """
				number,organization,service_level,starts_on,ends_on,covered_systems,covered_sites
				C-1,Org A,GOLD,2026-01-01,2027-01-01,,
				C-2,,GOLD,2026-13-01,2025-01-01,,
				C-1,Org A,GOLD,,,,
				""");
		assertThat(bad.status()).isEqualTo(400);
		List<Map<String, Object>> errors = bad.json("$.errors");
		assertThat(errors).extracting(e -> e.get("line") + " " + e.get("field")).containsExactlyInAnyOrder(
				"3 organization", "3 starts_on", "4 number");
		Response assets = csv(d, "assets", """
				serial_number,system,site,organization,contract_number,warranty_ends
				SN-9,X,,Org A,C-1,
				""");
		assertThat(assets.status()).as("the contracts were not loaded").isEqualTo(400);
		assertThat(assets.body()).contains("contract_number");
		assertThat(csv(d, "licences", "organization,product\nA,B\n").body()).contains("entitled", "used");
		assertThat(csv(d, "widgets", "a\n").status()).isEqualTo(404);
		assertThat(csv(d, "contracts", "x").status()).isEqualTo(400);
	}

	@Test
	void theCheckAnswersEntitledExpiredNotCoveredOverTheLimitOrUnknownWithTheReason() {
		Desk d = testDesk.create();
		load(d);
		Response gold = check(d, "{\"program\":\"%s\",\"serialNumber\":\"sn-1\"}");
		assertThat(gold.status()).as(gold.toString()).isEqualTo(200);
		assertThat((String) gold.json("$.status")).isEqualTo("ENTITLED");
		assertThat((String) gold.json("$.serviceLevel")).isEqualTo("GOLD");
		assertThat((String) gold.json("$.contractNumber")).isEqualTo("C-100");
		assertThat((String) check(d, "{\"program\":\"%s\",\"serialNumber\":\"SN-2\"}").json("$.status"))
			.isEqualTo("EXPIRED");
		Response notCovered = check(d, "{\"program\":\"%s\",\"contractNumber\":\"C-100\",\"system\":\"Payroll\"}");
		assertThat((String) notCovered.json("$.status")).isEqualTo("NOT_COVERED");
		assertThat((String) notCovered.json("$.reason")).contains("does not cover Payroll");
		Response over = check(d, "{\"program\":\"%s\",\"requesterId\":" + d.customer().id() + ",\"system\":\"Radar\"}");
		assertThat((String) over.json("$.status")).isEqualTo("OVER_LICENCE_LIMIT");
		assertThat((String) over.json("$.reason")).contains("12", "10");
		assertThat((String) check(d, "{\"program\":\"%s\",\"serialNumber\":\"SN-404\"}").json("$.status"))
			.isEqualTo("UNKNOWN");
		Response warranty = check(d, "{\"program\":\"%s\",\"serialNumber\":\"SN-3\"}");
		assertThat((String) warranty.json("$.serviceLevel")).isEqualTo("WARRANTY");
		List<String> numbers = api.get(d.agent1(), "/api/v1/programs/" + d.key() + "/entitlement/contracts")
			.json("$[*].number");
		assertThat(numbers).containsExactly("C-100", "C-200");
		List<Boolean> overLimit = api.get(d.agent1(), "/api/v1/programs/" + d.key() + "/entitlement/licences")
			.json("$[*].overLimit");
		assertThat(overLimit).containsExactly(true);
		assertThat((List<?>) api.get(d.agent1(), "/api/v1/programs/" + d.key() + "/entitlement/assets").json("$"))
			.hasSize(3);
		assertThat(api.get(d.customer(), "/api/v1/programs/" + d.key() + "/entitlement/contracts").status())
			.isEqualTo(403);
		assertThat(api.post(d.customer(), "/api/v1/entitlements/check", "{\"program\":\"" + d.key()
				+ "\",\"serialNumber\":\"SN-1\"}").status()).isEqualTo(403);
	}

	@Test
	void aNewTicketCarriesItsEntitlementAndTheProgramsPolicyDecidesTheRest() {
		Desk d = testDesk.create();
		load(d);
		String ticket = """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"Down","description":"x",
				 "facts":{"affectedSystem":"R-Supply","serialNumber":"%s"}}""";
		Response entitled = api.post(d.agent1(), "/api/v1/tickets", ticket.formatted(d.key(), d.customer().id(), "SN-1"));
		assertThat(entitled.status()).as(entitled.toString()).isEqualTo(201);
		assertThat((String) entitled.json("$.entitlement.status")).isEqualTo("ENTITLED");
		assertThat((String) entitled.json("$.entitlement.serviceLevel")).isEqualTo("GOLD");
		String n = entitled.json("$.number");
		List<String> actions = api.get(d.agent1(), "/api/v1/tickets/" + n + "/history").json("$[*].action");
		assertThat(actions).contains("ENTITLEMENT_CHECKED");

		Response flagged = api.post(d.agent1(), "/api/v1/tickets", ticket.formatted(d.key(), d.customer().id(), "SN-2"));
		assertThat((String) flagged.json("$.entitlement.status")).isEqualTo("EXPIRED");
		assertThat((Boolean) flagged.json("$.entitlement.needsReview")).as("flag for review by default").isTrue();

		assertThat(api.put(d.manager(), "/api/v1/programs/" + d.key() + "/entitlement/policy",
				"{\"notEntitled\":\"REFUSE\",\"refusalMessage\":\"Please renew your contract first\"}").status())
			.isEqualTo(200);
		Response refused = api.post(d.agent1(), "/api/v1/tickets", ticket.formatted(d.key(), d.customer().id(), "SN-2"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains("Please renew your contract first", "ended on");

		// the serial number is corrected: the ticket is checked again
		Response changed = api.patch(d.agent1(), "/api/v1/tickets/" + flagged.json("$.number"), """
				{"facts":{"affectedSystem":"R-Supply","serialNumber":"SN-1"},"reason":"serial corrected"}""");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				(String) api.get(d.agent1(), "/api/v1/tickets/" + flagged.json("$.number")).json("$.entitlement.status"))
			.isEqualTo("ENTITLED"));
	}

	@Test
	void exceptionsEntitleWithTheirReasonAndTheServiceLevelPicksTheSlaPolicy() {
		Desk d = testDesk.create();
		load(d);
		assertThat(api.put(d.manager(), "/api/v1/programs/" + d.key() + "/sla/policies/Standard",
				"{\"targets\":{\"MEDIUM\":{\"resolutionMinutes\":480}}}").status()).isEqualTo(200);
		assertThat(api.put(d.manager(), "/api/v1/programs/" + d.key() + "/sla/policies/Gold",
				"{\"serviceLevel\":\"GOLD\",\"targets\":{\"MEDIUM\":{\"resolutionMinutes\":120}}}").status()).isEqualTo(200);
		Response vip = api.post(d.manager(), "/api/v1/programs/" + d.key() + "/entitlement/exceptions", """
				{"requester":"%s","serviceLevel":"GOLD","reason":"Commanding officer"}""".formatted(d.stranger().username()));
		assertThat(vip.status()).as(vip.toString()).isEqualTo(201);
		Response opened = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"VIP","description":"x"}"""
			.formatted(d.key(), d.stranger().id()));
		assertThat((String) opened.json("$.entitlement.status")).isEqualTo("ENTITLED");
		assertThat((String) opened.json("$.entitlement.reason")).contains("vip override", d.manager().username(),
				"Commanding officer");
		String n = opened.json("$.number");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			List<Integer> targets = api.get(d.agent1(), "/api/v1/tickets/" + n + "/clocks")
				.json("$[?(@.kind == 'RESOLUTION')].targetSeconds");
			assertThat(targets).containsExactly(120 * 60);
		});

		Response plain = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"Expired","description":"x",
				 "facts":{"serialNumber":"SN-2"}}""".formatted(d.key(), d.customer().id()));
		String waived = plain.json("$.number");
		Response waiver = api.post(d.manager(), "/api/v1/programs/" + d.key() + "/entitlement/exceptions", """
				{"ticket":"%s","serviceLevel":"SILVER","reason":"Renewal in progress","expiresOn":"%s"}"""
			.formatted(waived, today().plusDays(30)));
		assertThat(waiver.status()).as(waiver.toString()).isEqualTo(201);
		assertThat((String) api.get(d.agent1(), "/api/v1/tickets/" + waived).json("$.entitlement.serviceLevel"))
			.isEqualTo("SILVER");
		List<String> kinds = api.get(d.agent1(), "/api/v1/programs/" + d.key() + "/entitlement/exceptions")
			.json("$[*].kind");
		assertThat(kinds).containsExactlyInAnyOrder("VIP_OVERRIDE", "WAIVER");
		assertThat(api.post(d.agent1(), "/api/v1/programs/" + d.key() + "/entitlement/exceptions",
				"{\"requester\":\"x\",\"serviceLevel\":\"GOLD\",\"reason\":\"y\"}").status()).isEqualTo(403);
	}
}
