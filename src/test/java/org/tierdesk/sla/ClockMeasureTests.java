package org.tierdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tierdesk.sla.ClockMeasure.Period;
import org.tierdesk.sla.ClockMeasure.Result;
import org.tierdesk.sla.ClockMeasure.Span;
import org.tierdesk.ticket.TicketStatus;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** One clock measured over its running and paused periods. */
class ClockMeasureTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static final BusinessCalendar OFFICE = BusinessCalendarTests.office(BERLIN);

	static final Set<TicketStatus> PAUSING = Set.of(TicketStatus.WAITING_ON_CUSTOMER);

	static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
	}

	@Test
	void aPauseOverANightAndAWeekendNeverCounts() {
		// opened Friday 16:00, waiting on the customer from 16:30 until Monday 10:00
		List<Span> statuses = List.of(new Span(TicketStatus.NEW, at("2026-11-27T16:00")),
				new Span(TicketStatus.WAITING_ON_CUSTOMER, at("2026-11-27T16:30")),
				new Span(TicketStatus.OPEN, at("2026-11-30T10:00")));
		List<Period> periods = ClockMeasure.periods(at("2026-11-27T16:00"), null, statuses, PAUSING);
		Result r = ClockMeasure.measure(OFFICE, periods, Duration.ofHours(4), 75, null, false, at("2026-11-30T11:00"));
		assertThat(r.elapsed()).isEqualTo(Duration.ofMinutes(90));
		assertThat(r.paused()).as("business time paused: Friday 16:30-17:00 and Monday 08:00-10:00")
			.isEqualTo(Duration.ofMinutes(150));
		assertThat(r.dueAt()).as("3h30 left from Monday 10:00, over lunch").isEqualTo(at("2026-11-30T14:30"));
		assertThat(r.warnAt()).as("75% of 4h = 3h, 2h30 left from Monday 10:00").isEqualTo(at("2026-11-30T13:30"));
		assertThat(r.state()).isEqualTo(ClockState.RUNNING);
		assertThat(r.timeline()).extracting(ClockMeasure.Mark::what).containsExactly("STARTED", "PAUSED", "RESUMED");
	}

	@Test
	void aPriorityChangeInThePauseKeepsThePauseAndMovesTheDueInstant() {
		List<Span> statuses = List.of(new Span(TicketStatus.NEW, at("2026-11-23T08:00")),
				new Span(TicketStatus.WAITING_ON_CUSTOMER, at("2026-11-23T09:00")));
		List<Period> periods = ClockMeasure.periods(at("2026-11-23T08:00"), null, statuses, PAUSING);
		Instant now = at("2026-11-23T15:00");
		Result before = ClockMeasure.measure(OFFICE, periods, Duration.ofHours(8), 75, null, false, now);
		Result after = ClockMeasure.measure(OFFICE, periods, Duration.ofHours(2), 75, null, false, now);
		assertThat(before.paused()).isEqualTo(after.paused()).isEqualTo(Duration.ofHours(5));
		assertThat(before.state()).isEqualTo(ClockState.PAUSED);
		assertThat(before.dueAt()).as("no due instant while paused").isNull();
		assertThat(after.elapsed()).isEqualTo(Duration.ofHours(1));
		assertThat(after.state()).isEqualTo(ClockState.PAUSED);
	}

	@Test
	void aClockStoppedLateIsBreachedAndOneStoppedInTimeIsMet() {
		List<Span> statuses = List.of(new Span(TicketStatus.NEW, at("2026-11-23T08:00")),
				new Span(TicketStatus.OPEN, at("2026-11-23T08:05")), new Span(TicketStatus.RESOLVED, at("2026-11-23T10:00")));
		List<Period> periods = ClockMeasure.periods(at("2026-11-23T08:00"), at("2026-11-23T10:00"), statuses, PAUSING);
		Result met = ClockMeasure.measure(OFFICE, periods, Duration.ofHours(4), 75, at("2026-11-23T10:00"), false,
				at("2026-11-24T10:00"));
		assertThat(met.state()).isEqualTo(ClockState.MET);
		assertThat(met.elapsed()).isEqualTo(Duration.ofHours(2));
		Result late = ClockMeasure.measure(OFFICE, periods, Duration.ofMinutes(90), 75, at("2026-11-23T10:00"), false,
				at("2026-11-24T10:00"));
		assertThat(late.state()).isEqualTo(ClockState.BREACHED);
		assertThat(late.dueAt()).as("when it was due").isEqualTo(at("2026-11-23T09:30"));
	}

	@Test
	void aClockResumedThisVeryInstantHasItsDueInstant() {
		List<Span> statuses = List.of(new Span(TicketStatus.NEW, at("2026-11-23T08:00")),
				new Span(TicketStatus.WAITING_ON_CUSTOMER, at("2026-11-23T09:00")),
				new Span(TicketStatus.OPEN, at("2026-11-23T10:00")));
		Result r = ClockMeasure.measure(OFFICE, ClockMeasure.periods(at("2026-11-23T08:00"), null, statuses, PAUSING),
				Duration.ofHours(2), 75, null, false, at("2026-11-23T10:00"));
		assertThat(r.state()).isEqualTo(ClockState.RUNNING);
		assertThat(r.dueAt()).isEqualTo(at("2026-11-23T11:00"));
	}

	@Test
	void aTierClockStartsWithItsAssignmentAndInheritsNothing() {
		// Tier 1 worked the ticket all morning; Tier 2 got it at 13:00
		List<Span> statuses = List.of(new Span(TicketStatus.NEW, at("2026-11-23T08:00")),
				new Span(TicketStatus.OPEN, at("2026-11-23T08:10")));
		List<Period> tier2 = ClockMeasure.periods(at("2026-11-23T13:00"), null, statuses, PAUSING);
		Result r = ClockMeasure.measure(OFFICE, tier2, Duration.ofHours(2), 75, null, false, at("2026-11-23T14:00"));
		assertThat(r.elapsed()).isEqualTo(Duration.ofHours(1));
		assertThat(r.dueAt()).isEqualTo(at("2026-11-23T15:00"));
	}

	@Property(tries = 300)
	void pausedTimeNeverCounts(@ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 3000) Integer> minutes,
			@ForAll @Size(min = 12, max = 12) List<Boolean> waiting) {
		Instant t = at("2026-11-20T07:30");
		List<Span> statuses = new ArrayList<>();
		statuses.add(new Span(TicketStatus.NEW, t));
		for (int i = 0; i < minutes.size(); i++) {
			t = t.plus(Duration.ofMinutes(minutes.get(i)));
			statuses.add(new Span(waiting.get(i) ? TicketStatus.WAITING_ON_CUSTOMER : TicketStatus.OPEN, t));
		}
		Instant start = statuses.get(0).from();
		Instant now = t.plus(Duration.ofHours(5));
		Result r = ClockMeasure.measure(OFFICE, ClockMeasure.periods(start, null, statuses, PAUSING),
				Duration.ofDays(30), 75, null, false, now);
		Duration waitingTime = Duration.ZERO;
		for (int i = 0; i < statuses.size(); i++) {
			Instant end = i + 1 < statuses.size() ? statuses.get(i + 1).from() : now;
			if (statuses.get(i).status() == TicketStatus.WAITING_ON_CUSTOMER) {
				waitingTime = waitingTime.plus(OFFICE.between(statuses.get(i).from(), end));
			}
		}
		assertThat(r.paused()).isEqualTo(waitingTime);
		assertThat(r.elapsed().plus(r.paused())).isEqualTo(OFFICE.between(start, now));
	}
}
