package org.tierdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.MovableClock;
import org.tierdesk.support.RecordedSlaEvents;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

/** SLA and OLA clocks of real tickets: policies, pauses, per-tier clocks, the sweep. */
@DeskTest
class SlaTests {

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Autowired
	MovableClock clock;

	@Autowired
	ServiceLevels serviceLevels;

	@Autowired
	RecordedSlaEvents recorded;

	void roundTheClockPolicy(Desk d) {
		Response policy = api.put(d.manager(), "/api/v1/programs/" + d.key() + "/sla/policies/Standard", """
				{"warningPercent":50,"pauseOn":["WAITING_ON_CUSTOMER"],
				 "targets":{"MEDIUM":{"firstResponseMinutes":30,"resolutionMinutes":240},
				            "HIGH":{"firstResponseMinutes":15,"resolutionMinutes":120}}}""");
		assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
		Response ola = api.put(d.manager(), "/api/v1/programs/" + d.key() + "/sla/group-targets/Specialists",
				"{\"targetMinutes\":60,\"warningPercent\":100}");
		assertThat(ola.status()).as(ola.toString()).isEqualTo(200);
	}

	String open(Desk d) {
		Response opened = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"Slow","description":"Reports take minutes"}"""
			.formatted(d.key(), d.customer().id()));
		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		return opened.json("$.number");
	}

	long id(Desk d, String number) {
		return ((Number) api.get(d.agent1(), "/api/v1/tickets/" + number).json("$.id")).longValue();
	}

	Map<String, Object> clockOf(Desk d, String number, String kind) {
		List<Map<String, Object>> clocks = api.get(d.agent1(), "/api/v1/tickets/" + number + "/clocks").json("$");
		return clocks.stream().filter(c -> c.get("kind").equals(kind)).findFirst().orElse(null);
	}

	void advance(Duration by) {
		clock.advance(by);
		serviceLevels.sweep(10_000);
	}

	@Test
	void clocksWarnPauseMeetAndEachTierRunsItsOwnClock() {
		Desk d = testDesk.create();
		roundTheClockPolicy(d);
		Instant opened = clock.instant();
		String n = open(d);
		long ticket = id(d, n);
		await().atMost(Duration.ofSeconds(20)).until(() -> clockOf(d, n, "RESOLUTION") != null);
		Map<String, Object> first = clockOf(d, n, "FIRST_RESPONSE");
		assertThat(first.get("state")).isEqualTo("RUNNING");
		assertThat(Instant.parse((String) first.get("dueAt"))).isEqualTo(opened.plus(Duration.ofMinutes(30)));

		advance(Duration.ofMinutes(16));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(clockOf(d, n, "FIRST_RESPONSE").get("state")).isEqualTo("WARNING"));
		assertThat(recorded.of(SlaWarningReached.class, ticket)).as("first response at 50%; resolution not yet")
			.extracting(SlaWarningReached::kind).containsExactly(ClockKind.FIRST_RESPONSE);

		assertThat(api.post(d.agent1(), "/api/v1/tickets/" + n + "/ownership", "{}").status()).isEqualTo(200);
		assertThat(api.post(d.agent1(), "/api/v1/tickets/" + n + "/entries",
				"{\"visibility\":\"PUBLIC\",\"body\":\"Looking into it\"}").status()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(clockOf(d, n, "FIRST_RESPONSE").get("state")).isEqualTo("MET"));
		assertThat(recorded.of(SlaMet.class, ticket)).hasSize(1);

		// waiting on the customer for an hour does not count
		assertThat(api.put(d.agent1(), "/api/v1/tickets/" + n + "/status",
				"{\"status\":\"WAITING_ON_CUSTOMER\",\"reason\":\"asked for logs\"}").status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(clockOf(d, n, "RESOLUTION").get("state")).isEqualTo("PAUSED"));
		advance(Duration.ofMinutes(60));
		assertThat(api.put(d.agent1(), "/api/v1/tickets/" + n + "/status",
				"{\"status\":\"OPEN\",\"reason\":\"logs received\"}").status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Map<String, Object> resolution = clockOf(d, n, "RESOLUTION");
			assertThat(resolution.get("state")).isEqualTo("RUNNING");
			assertThat(((Number) resolution.get("pausedSeconds")).longValue()).isEqualTo(3600);
			assertThat(((Number) resolution.get("elapsedSeconds")).longValue()).isEqualTo(16 * 60);
			assertThat(Instant.parse((String) resolution.get("dueAt")))
				.isEqualTo(opened.plus(Duration.ofMinutes(240 + 60)));
		});

		// Tier 2 gets the work: its own clock starts at zero
		Response escalated = api.post(d.agent1(), "/api/v1/tickets/" + n + "/escalations",
				"{\"tier\":2,\"reason\":\"needs a specialist\"}");
		assertThat(escalated.status()).as(escalated.toString()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).until(() -> clockOf(d, n, "TIER") != null);
		Map<String, Object> tier2 = clockOf(d, n, "TIER");
		assertThat(((Number) tier2.get("elapsedSeconds")).longValue()).isZero();
		assertThat(tier2.get("group")).isEqualTo("Specialists");
		advance(Duration.ofMinutes(61));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(clockOf(d, n, "TIER").get("state")).isEqualTo("BREACHED"));
		assertThat(recorded.of(OlaBreached.class, ticket)).hasSize(1);
		assertThat(recorded.of(SlaBreached.class, ticket)).as("the customer's clock has time left").isEmpty();
		List<String> timeline = api.get(d.agent1(), "/api/v1/tickets/" + n + "/clocks")
			.json("$[?(@.kind == 'RESOLUTION')].timeline[*]");
		assertThat(timeline).anyMatch(s -> s.startsWith("STARTED")).anyMatch(s -> s.startsWith("PAUSED"))
			.anyMatch(s -> s.startsWith("RESUMED"));
	}

	@Test
	void aPriorityChangeMidPauseKeepsThePauseAndAPolicyChangeRecomputesRunningClocks() {
		Desk d = testDesk.create();
		roundTheClockPolicy(d);
		String n = open(d);
		await().atMost(Duration.ofSeconds(20)).until(() -> clockOf(d, n, "RESOLUTION") != null);
		api.post(d.agent1(), "/api/v1/tickets/" + n + "/ownership", "{}");
		api.put(d.agent1(), "/api/v1/tickets/" + n + "/status", "{\"status\":\"WAITING_ON_CUSTOMER\",\"reason\":\"x\"}");
		advance(Duration.ofMinutes(30));
		Response raised = api.patch(d.agent1(), "/api/v1/tickets/" + n,
				"{\"impact\":\"HIGH\",\"urgency\":\"MEDIUM\",\"reason\":\"whole office affected\"}");
		assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
		assertThat((String) raised.json("$.priority")).isEqualTo("HIGH");
		advance(Duration.ofMinutes(30));
		api.put(d.agent1(), "/api/v1/tickets/" + n + "/status", "{\"status\":\"OPEN\",\"reason\":\"back\"}");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Map<String, Object> r = clockOf(d, n, "RESOLUTION");
			assertThat(((Number) r.get("targetSeconds")).longValue()).isEqualTo(120 * 60);
			assertThat(((Number) r.get("pausedSeconds")).longValue()).isEqualTo(3600);
			assertThat(r.get("state")).isEqualTo("RUNNING");
		});

		Response stricter = api.put(d.manager(), "/api/v1/programs/" + d.key() + "/sla/policies/Standard", """
				{"warningPercent":50,"targets":{"HIGH":{"resolutionMinutes":60}}}""");
		assertThat(stricter.status()).as(stricter.toString()).isEqualTo(200);
		Map<String, Object> r = clockOf(d, n, "RESOLUTION");
		assertThat(((Number) r.get("targetSeconds")).longValue()).as("recomputed at once").isEqualTo(3600);
		assertThat(((Number) r.get("pausedSeconds")).longValue()).as("the pause is kept").isEqualTo(3600);
		assertThat(clockOf(d, n, "FIRST_RESPONSE")).as("no first-response target any more").isNull();
	}

	@Test
	void badCalendarsAndPoliciesAreRefusedWithEveryFieldNamed() {
		Desk d = testDesk.create();
		Response calendar = api.put(d.manager(), "/api/v1/programs/" + d.key() + "/sla/calendars/Office", """
				{"timeZone":"Mars/Olympus","hours":{"MONDAY":["08:00-12:00","11:00-13:00"],"FUNDAY":["08:00-17:00"]},
				 "holidays":["25 December"]}""");
		assertThat(calendar.status()).isEqualTo(400);
		List<String> fields = calendar.json("$.errors[*].field");
		assertThat(fields).contains("timeZone", "hours.MONDAY[1]", "hours.FUNDAY", "holidays[0]");
		Response policy = api.put(d.manager(), "/api/v1/programs/" + d.key() + "/sla/policies/Gold", """
				{"calendar":"Nope","warningPercent":0,"pauseOn":["RESOLVED"],
				 "targets":{"MEDIUM":{"firstResponseMinutes":0},"URGENT":{"resolutionMinutes":60}}}""");
		assertThat(policy.status()).isEqualTo(400);
		assertThat((List<String>) policy.json("$.errors[*].field")).contains("calendar", "warningPercent", "pauseOn[0]",
				"targets.MEDIUM.firstResponseMinutes", "targets.URGENT");
		assertThat(api.put(d.manager(), "/api/v1/programs/" + d.key() + "/sla/group-targets/Service Desk",
				"{\"targetMinutes\":30}").status()).as("Tier 1 has the SLA, not an OLA").isEqualTo(400);
		assertThat(api.put(d.agent1(), "/api/v1/programs/" + d.key() + "/sla/calendars/Office",
				"{\"allHours\":true}").status()).isEqualTo(403);
	}

	@Test
	void twoSweepsAtOnceHandleEveryDueClockOnce() throws Exception {
		Desk d = testDesk.create();
		roundTheClockPolicy(d);
		List<String> numbers = new java.util.ArrayList<>();
		for (int i = 0; i < 12; i++) {
			numbers.add(open(d));
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> numbers.stream().allMatch(n -> clockOf(d, n, "FIRST_RESPONSE") != null));
		clock.advance(Duration.ofMinutes(31));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> sweep = () -> {
				int handled = 0;
				int batch;
				while ((batch = serviceLevels.sweep(3)) > 0) {
					handled += batch;
				}
				return handled;
			};
			List<Future<Integer>> runs = pool.invokeAll(List.of(sweep, sweep));
			for (Future<Integer> run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdown();
		}
		for (String n : numbers) {
			long ticket = id(d, n);
			await().atMost(Duration.ofSeconds(20)).untilAsserted(
					() -> assertThat(recorded.of(SlaBreached.class, ticket)).as(n).hasSize(1));
		}
	}

	@Test
	void theCustomerHearsFromTheDeskEveryHourOrTheNextUpdateClockBreaches() {
		Desk d = testDesk.create();
		assertThat(api.put(d.manager(), "/api/v1/programs/" + d.key() + "/sla/policies/Standard",
				"{\"warningPercent\":100,\"targets\":{\"MEDIUM\":{\"nextUpdateMinutes\":60}}}").status()).isEqualTo(200);
		String n = open(d);
		api.post(d.agent1(), "/api/v1/tickets/" + n + "/ownership", "{}");
		api.post(d.agent1(), "/api/v1/tickets/" + n + "/entries", "{\"visibility\":\"PUBLIC\",\"body\":\"On it\"}");
		await().atMost(Duration.ofSeconds(20)).until(() -> clockOf(d, n, "NEXT_UPDATE") != null);
		advance(Duration.ofMinutes(61));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(clockOf(d, n, "NEXT_UPDATE").get("state")).isEqualTo("BREACHED"));
		api.post(d.agent1(), "/api/v1/tickets/" + n + "/entries", "{\"visibility\":\"PUBLIC\",\"body\":\"Still on it\"}");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			List<String> states = api.get(d.agent1(), "/api/v1/tickets/" + n + "/clocks")
				.json("$[?(@.kind == 'NEXT_UPDATE')].state");
			assertThat(states).containsExactly("BREACHED", "RUNNING");
		});
		assertThat(recorded.of(SlaBreached.class, id(d, n))).extracting(SlaBreached::kind)
			.containsExactly(ClockKind.NEXT_UPDATE);
	}
}
