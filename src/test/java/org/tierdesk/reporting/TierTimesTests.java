package org.tierdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tierdesk.sla.BusinessCalendar;
import org.tierdesk.ticket.AssignmentStatus;
import org.tierdesk.ticket.Priority;
import org.tierdesk.ticket.TicketStatus;
import org.tierdesk.ticket.TicketTimeline;
import org.tierdesk.ticket.TicketTimeline.AssignmentSpan;
import org.tierdesk.ticket.TicketTimeline.StatusSpan;

/** Time per tier on hand-built histories with known answers: pauses, returns, reopenings and business hours. */
class TierTimesTests {

	static final ZoneId ZONE = ZoneId.of("America/New_York");

	/** Monday 2026-11-30, the given time in New York. */
	static Instant at(String time) {
		return java.time.LocalDate.of(2026, 11, 30).atTime(LocalTime.parse(time)).atZone(ZONE).toInstant();
	}

	static TicketTimeline timeline(Instant firstReply, List<StatusSpan> statuses, List<AssignmentSpan> assignments) {
		return new TicketTimeline(1, "TD-1", 1, Priority.MEDIUM, statuses.get(0).from(), statuses, firstReply, assignments,
				null, firstReply == null ? List.of() : List.of(firstReply), statuses.get(statuses.size() - 1).from());
	}

	static StatusSpan s(TicketStatus status, String time) {
		return new StatusSpan(status, at(time));
	}

	static long minutes(Long seconds) {
		return Duration.ofSeconds(seconds).toMinutes();
	}

	@Test
	void waitingOnTheCustomerIsNobodysTimeAndEachTierKeepsItsOwn() {
		// 09:00 opened; 09:10 taken; 09:30-10:00 waiting on the customer; 10:00 to Tier 2 until 11:00 (returned);
		// 11:00-11:30 Tier 1 again; resolved 11:30
		TicketTimeline t = timeline(at("09:20"), List.of(s(TicketStatus.NEW, "09:00"), s(TicketStatus.OPEN, "09:10"),
				s(TicketStatus.WAITING_ON_CUSTOMER, "09:30"), s(TicketStatus.OPEN, "10:00"),
				s(TicketStatus.RESOLVED, "11:30")),
				List.of(new AssignmentSpan(7, 20, 2, at("10:00"), at("11:00"), AssignmentStatus.RETURNED)));
		TierTimes times = TierTimes.of(t, at("11:30"), BusinessCalendar.allHours(ZONE));
		assertThat(minutes(times.tier(1))).as("09:00-09:30 and 11:00-11:30").isEqualTo(60);
		assertThat(minutes(times.tier(2))).isEqualTo(60);
		assertThat(times.tier(3)).isNull();
		assertThat(minutes(times.resolutionSeconds())).as("150 minutes less the 30 waiting").isEqualTo(120);
		assertThat(minutes(times.firstResponseSeconds())).isEqualTo(20);
	}

	@Test
	void timeBetweenARejectedResolutionAndItsReopeningIsNotCounted() {
		TicketTimeline t = timeline(null, List.of(s(TicketStatus.NEW, "09:00"), s(TicketStatus.OPEN, "09:00"),
				s(TicketStatus.RESOLVED, "09:40"), s(TicketStatus.OPEN, "13:00"), s(TicketStatus.RESOLVED, "13:20")),
				List.of());
		TierTimes times = TierTimes.of(t, at("13:20"), BusinessCalendar.allHours(ZONE));
		assertThat(minutes(times.resolutionSeconds())).isEqualTo(60);
		assertThat(minutes(times.tier(1))).isEqualTo(60);
		assertThat(times.firstResponseSeconds()).isNull();
	}

	@Test
	void workHandedOnUpTheTiersIsSplitAtEachHandOffAndCountsOnlyBusinessHours() {
		// business hours 09:00-17:00 on weekdays; opened Monday 16:00, Tier 3 from 16:30 (handed on by Tier 2, which
		// had it from 16:15), Tier 3 returns Tuesday 10:00, resolved Tuesday 10:30
		Map<DayOfWeek, List<BusinessCalendar.Interval>> week = new java.util.EnumMap<>(DayOfWeek.class);
		for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			week.put(d, List.of(new BusinessCalendar.Interval(LocalTime.of(9, 0), LocalTime.of(17, 0))));
		}
		BusinessCalendar office = BusinessCalendar.of(ZONE, week, Set.of(), Set.of());
		Instant tuesday10 = at("10:00").plus(Duration.ofDays(1));
		Instant tuesday1030 = at("10:30").plus(Duration.ofDays(1));
		List<StatusSpan> statuses = new ArrayList<>(List.of(s(TicketStatus.NEW, "16:00"), s(TicketStatus.OPEN, "16:05")));
		statuses.add(new StatusSpan(TicketStatus.RESOLVED, tuesday1030));
		TicketTimeline t = timeline(at("16:05"), statuses,
				List.of(new AssignmentSpan(1, 20, 2, at("16:15"), at("16:30"), AssignmentStatus.HANDED_ON),
						new AssignmentSpan(2, 30, 3, at("16:30"), tuesday10, AssignmentStatus.RETURNED)));
		TierTimes times = TierTimes.of(t, tuesday1030, office);
		assertThat(minutes(times.tier(1))).as("16:00-16:15 and Tuesday 10:00-10:30").isEqualTo(45);
		assertThat(minutes(times.tier(2))).isEqualTo(15);
		assertThat(minutes(times.tier(3))).as("16:30-17:00 Monday and 09:00-10:00 Tuesday").isEqualTo(90);
		assertThat(minutes(times.resolutionSeconds())).isEqualTo(150);
	}

	@Test
	void anUnresolvedTicketHasNoTierTimesYet() {
		TicketTimeline t = timeline(null, List.of(s(TicketStatus.NEW, "09:00")), List.of());
		TierTimes times = TierTimes.of(t, null, BusinessCalendar.allHours(ZONE));
		assertThat(times.resolutionSeconds()).isNull();
		assertThat(times.tier(1)).isNull();
	}
}
