package org.tierdesk.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.MovableClock;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

/** Time-based escalation: the seeds' 15-minute Tier 1 rule and the ladders programs write. */
@DeskTest
class EscalationTests {

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Autowired
	MovableClock clock;

	@Autowired
	Escalations escalations;

	String open(Desk d) {
		Response opened = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"Down","description":"Since 9"}"""
			.formatted(d.key(), d.customer().id()));
		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		return opened.json("$.number");
	}

	List<?> timers(Desk d, String n) {
		return api.get(d.agent1(), "/api/v1/tickets/" + n + "/escalation-timers").json("$");
	}

	int tier(Desk d, String n) {
		return api.get(d.agent1(), "/api/v1/tickets/" + n).json("$.tier");
	}

	void sweep() {
		while (escalations.sweep(100) > 0) {
			// until nothing is due
		}
	}

	@Test
	void aTicketNobodyTakesForFifteenMinutesGoesToTier2OnceAndATakenOneStays() {
		Desk d = testDesk.create();
		assertThat((Boolean) api.get(d.agent1(), "/api/v1/programs/" + d.key() + "/escalation/ladder").json("$.standard"))
			.isTrue();
		String untaken = open(d);
		String taken = open(d);
		await().atMost(Duration.ofSeconds(20)).until(() -> timers(d, untaken).size() == 1 && timers(d, taken).size() == 1);
		assertThat(api.post(d.agent1(), "/api/v1/tickets/" + taken + "/ownership", "{}").status()).isEqualTo(200);
		clock.advance(Duration.ofMinutes(14));
		sweep();
		assertThat(tier(d, untaken)).as("not yet").isEqualTo(1);
		clock.advance(Duration.ofMinutes(2));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			sweep();
			assertThat(tier(d, untaken)).isEqualTo(2);
		});
		assertThat(tier(d, taken)).as("taken in time").isEqualTo(1);
		clock.advance(Duration.ofMinutes(30));
		sweep();
		List<String> escalations = api.get(d.agent1(), "/api/v1/tickets/" + untaken + "/history")
			.json("$[?(@.action == 'ESCALATED')].reason");
		assertThat(escalations).singleElement().asString().contains("escalation step 'Untaken in Tier 1");
		Response t = api.get(d.agent1(), "/api/v1/tickets/" + untaken);
		assertThat((String) t.json("$.assignment.group.name")).isEqualTo("Specialists");
		List<Boolean> dropped = api.get(d.agent1(), "/api/v1/tickets/" + taken + "/escalation-timers").json("$[*].dropped");
		assertThat(dropped).containsExactly(true);
	}

	@Test
	void aLadderStepForTimeInTierAndSlaBreachesFireOncePerOccurrence() {
		Desk d = testDesk.create();
		Response policy = api.put(d.manager(), "/api/v1/programs/" + d.key() + "/sla/policies/Standard",
				"{\"targets\":{\"MEDIUM\":{\"resolutionMinutes\":120}}}");
		assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
		Response ladder = api.put(d.manager(), "/api/v1/programs/" + d.key() + "/escalation/ladder", """
				{"steps":[
				 {"name":"Tier 2 sits on it","trigger":{"type":"TIME_IN_TIER","tier":2,"minutes":60},
				  "action":{"type":"ESCALATE","tier":3}},
				 {"name":"Resolution breached","trigger":{"type":"SLA_BREACHED","clock":"RESOLUTION"},
				  "action":{"type":"FLAG"}},
				 {"name":"Tell the manager","trigger":{"type":"SLA_BREACHED","clock":"RESOLUTION"},
				  "action":{"type":"NOTIFY","people":["%s"]}}]}""".formatted(d.manager().username()));
		assertThat(ladder.status()).as(ladder.toString()).isEqualTo(200);
		String n = open(d);
		api.post(d.agent1(), "/api/v1/tickets/" + n + "/ownership", "{}");
		api.post(d.agent1(), "/api/v1/tickets/" + n + "/escalations", "{\"tier\":2,\"reason\":\"specialist\"}");
		await().atMost(Duration.ofSeconds(20)).until(() -> timers(d, n).size() == 1);
		clock.advance(Duration.ofMinutes(61));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			sweep();
			assertThat(tier(d, n)).isEqualTo(3);
		});
		clock.advance(Duration.ofMinutes(60));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Response t = api.get(d.agent1(), "/api/v1/tickets/" + n);
			assertThat(t.body()).contains("managementFlag");
			List<String> notes = api.get(d.agent1(), "/api/v1/tickets/" + n + "/entries").json("$[*].body");
			assertThat(notes).anyMatch(b -> b.contains("notifies " + d.manager().username()));
		});
		clock.advance(Duration.ofMinutes(60));
		sweep();
		List<String> actions = api.get(d.agent1(), "/api/v1/tickets/" + n + "/history").json("$[*].action");
		assertThat(actions).filteredOn("FLAGGED_TO_MANAGEMENT"::equals).hasSize(1);
		assertThat(actions).filteredOn("ESCALATED"::equals).as("by hand to 2, by the ladder to 3").hasSize(2);
	}

	@Test
	void aLadderThatEscalatesToATierTheProgramDoesNotUseIsRefused() {
		Desk d = testDesk.create();
		Response tiers = api.put(d.manager(), "/api/v1/programs/" + d.key(), "{\"tiers\":{\"0\":\"Portal\",\"1\":\"Desk\",\"2\":\"Specialists\",\"4\":\"Vendor\"}}");
		assertThat(tiers.status()).as(tiers.toString()).isEqualTo(200);
		Response bad = api.put(d.manager(), "/api/v1/programs/" + d.key() + "/escalation/ladder", """
				{"steps":[{"name":"x","trigger":{"type":"UNTAKEN","minutes":0},"action":{"type":"ESCALATE","tier":3}},
				          {"name":"x","trigger":{"type":"SOMETIME"},"action":{"type":"RAISE_PRIORITY","priority":"URGENT"}}]}""");
		assertThat(bad.status()).isEqualTo(400);
		List<String> fields = bad.json("$.errors[*].field");
		assertThat(fields).contains("steps[0].trigger.minutes", "steps[0].action.tier", "steps[1].name",
				"steps[1].trigger.type", "steps[1].action.priority");
		assertThat(api.put(d.agent1(), "/api/v1/programs/" + d.key() + "/escalation/ladder", "{\"steps\":[]}").status())
			.isEqualTo(403);
	}

	@Test
	void twoSweepsAtOnceFireEachDueStepOnce() throws Exception {
		Desk d = testDesk.create();
		List<String> numbers = new java.util.ArrayList<>();
		for (int i = 0; i < 10; i++) {
			numbers.add(open(d));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> numbers.stream().allMatch(n -> timers(d, n).size() == 1));
		clock.advance(Duration.ofMinutes(16));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Object>> runs = pool.invokeAll(List.of(() -> {
				sweep();
				return null;
			}, () -> {
				sweep();
				return null;
			}));
			for (Future<Object> run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdown();
		}
		for (String n : numbers) {
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(tier(d, n)).isEqualTo(2));
			List<String> actions = api.get(d.agent1(), "/api/v1/tickets/" + n + "/history").json("$[*].action");
			assertThat(actions).filteredOn("ESCALATED"::equals).as(n).hasSize(1);
		}
	}

	@Test
	void aVendorSilentForFourHoursIsChasedAndAnyNoteStartsTheSilenceAgain() {
		Desk d = testDesk.create();
		Response ladder = api.put(d.manager(), "/api/v1/programs/" + d.key() + "/escalation/ladder", """
				{"steps":[{"name":"Vendor silent","trigger":{"type":"NO_UPDATE","tier":4,"minutes":240},
				  "action":{"type":"NOTIFY","people":["%s"]}}]}""".formatted(d.manager().username()));
		assertThat(ladder.status()).as(ladder.toString()).isEqualTo(200);
		String n = open(d);
		api.post(d.agent1(), "/api/v1/tickets/" + n + "/ownership", "{}");
		api.post(d.agent1(), "/api/v1/tickets/" + n + "/escalations", "{\"tier\":4,\"reason\":\"OEM part\"}");
		await().atMost(Duration.ofSeconds(20)).until(() -> timers(d, n).size() == 1);
		clock.advance(Duration.ofMinutes(200));
		assertThat(api.post(d.vendor(), "/api/v1/tickets/" + n + "/entries",
				"{\"visibility\":\"INTERNAL\",\"body\":\"Part ordered\"}").status()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(20)).until(() -> timers(d, n).size() == 2);
		clock.advance(Duration.ofMinutes(100));
		sweep();
		List<String> notes = api.get(d.agent1(), "/api/v1/tickets/" + n + "/entries").json("$[*].body");
		assertThat(notes).noneMatch(b -> b.contains("Vendor silent")).as("only 100 minutes since the vendor wrote");
		clock.advance(Duration.ofMinutes(150));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			sweep();
			List<String> now = api.get(d.agent1(), "/api/v1/tickets/" + n + "/entries").json("$[*].body");
			assertThat(now).filteredOn(b -> b.contains("'Vendor silent'")).hasSize(1);
		});
	}
}
