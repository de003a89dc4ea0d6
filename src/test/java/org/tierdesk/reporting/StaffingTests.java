package org.tierdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.MovableClock;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

/**
 * The staffing forecast over the REST API, on a measured history: two weeks in which 200 phone calls an hour came in
 * on Monday between 10:00 and 11:00 (and email that needs no live answer), handled in 180 seconds — the textbook
 * case that needs 14 agents for 80% in 20 seconds — against a roster of the two Tier 1 agents in office hours.
 */
@DeskTest
class StaffingTests {

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	Desk d;

	@BeforeEach
	void desk() {
		d = testDesk.create();
		assertThat(api.call(d.manager(), org.springframework.http.HttpMethod.PUT, "/api/v1/programs/" + d.key()
				+ "/directory/coverage", """
				{"officeHours":{"MONDAY":["08:00-17:00"],"TUESDAY":["08:00-17:00"],"WEDNESDAY":["08:00-17:00"],
				 "THURSDAY":["08:00-17:00"],"FRIDAY":["08:00-17:00"]},"afterHours":"NONE"}""", Map.of()).status())
			.isEqualTo(200);
		ZonedDateTime thisWeek = LocalDate.ofInstant(clock.instant(), d.program().timeZone())
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(d.program().timeZone());
		for (int week = 1; week <= 2; week++) {
			ZonedDateTime monday10 = thisWeek.minusWeeks(week).withHour(10);
			for (int i = 0; i < 200; i++) {
				opened(monday10.plusSeconds(i * 17L), "PHONE");
			}
			for (int i = 0; i < 50; i++) {
				opened(monday10.plusSeconds(i * 60L), "EMAIL");
			}
			for (int i = 0; i < 4; i++) {
				jdbc.update("insert into intake_call (id, version, program_id, started_at, ended_at, duration_s) "
						+ "values (?, 0, ?, ?, ?, ?)", 90_000_000L + d.program().id() * 100 + week * 10 + i,
						d.program().id(), monday10.plusMinutes(i).toOffsetDateTime(),
						monday10.plusMinutes(i).plusSeconds(180).toOffsetDateTime(), i % 2 == 0 ? 120 : 240);
			}
		}
	}

	void opened(ZonedDateTime at, String channel) {
		jdbc.update("insert into reporting_ticket_event (program_id, ticket_id, event_type, occurred_at, event_key, "
				+ "channel) values (?, ?, 'TicketOpened', ?, ?, ?)", d.program().id(), 1L, at.toOffsetDateTime(),
				UUID.randomUUID().toString().replace("-", ""), channel);
	}

	@Test
	void theForecastNeedsFourteenAgentsOnMondayAtTenAndShowsTheShortfallAgainstTheRoster() {
		Response r = api.get(d.manager(), "/api/v1/programs/" + d.key()
				+ "/staffing?weeks=2&targetShare=0.8&answerWithinSeconds=20&maxOccupancy=1&shrinkage=0.3");
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		// calls of 120 and 240 s: 180 s on average; 200 calls an hour: 10 Erlangs
		assertThat(r.<Double>json("$.handleSeconds")).isEqualTo(180.0);
		assertThat(r.<Integer>json("$.handledContacts")).isEqualTo(8);
		assertThat(r.<Integer>json("$.arrivals")).as("phone only").isEqualTo(400);
		List<Map<String, Object>> hours = r.json("$.hours");
		assertThat(hours).hasSize(168);
		Map<String, Object> monday10 = hours.get(10);
		assertThat(monday10).containsEntry("day", "MONDAY").containsEntry("hour", 10);
		assertThat(monday10.get("arrivalsPerHour")).isEqualTo(200.0);
		assertThat(monday10.get("required")).as("13 agents answer 79.6% in 20 s, 14 answer 88.7%").isEqualTo(14);
		assertThat(monday10.get("scheduled")).as("14 / 0.7").isEqualTo(20);
		assertThat(monday10.get("roster")).as("the two Tier 1 agents").isEqualTo(2);
		assertThat(hours.get(11)).containsEntry("required", 0).containsEntry("roster", 2);
		assertThat(hours.get(6 * 24 + 3)).as("Sunday 03:00").containsEntry("required", 0).containsEntry("roster", 0);

		Response threeWeeks = api.get(d.agent1(), "/api/v1/programs/" + d.key() + "/staffing?weeks=3");
		assertThat(threeWeeks.<Double>json("$.hours[10].arrivalsPerHour")).as("400 calls over three weeks")
			.isCloseTo(133.33, org.assertj.core.api.Assertions.within(0.01));
		assertThat(threeWeeks.<Integer>json("$.hours[10].required")).as("6.67 Erlangs: 80/20 needs 10").isEqualTo(10);
		assertThat(api.get(d.agent1(), "/api/v1/programs/" + d.key() + "/staffing?weeks=2&maxOccupancy=0.6")
			.<Integer>json("$.hours[10].required")).as("at most 60% busy: 10 / 0.6").isEqualTo(17);
	}

	@Test
	void nonsenseSettingsAreRefusedByName() {
		String base = "/api/v1/programs/" + d.key() + "/staffing";
		assertThat(api.get(d.manager(), base + "?targetShare=1.5").<String>json("$.errors[0].field"))
			.isEqualTo("targetShare");
		assertThat(api.get(d.manager(), base + "?channels=FAX").<String>json("$.errors[0].field")).isEqualTo("channels");
		assertThat(api.get(d.manager(), base + "?weeks=0").<String>json("$.errors[0].field")).isEqualTo("weeks");
		assertThat(api.get(d.customer(), base).status()).isEqualTo(403);
		assertThat(api.get(testDesk.create().manager(), base).status()).isEqualTo(404);
	}
}
