package org.tierdesk.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The arithmetic of on-call rotations and office hours: zones, daylight saving, midnight, holidays, overrides. */
class RotationTests {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final long ANA = 1, BEN = 2, CAROL = 3;

	static Instant at(ZoneId zone, String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
	}

	static long onCall(Rotation r, Instant at) {
		return r.at(at).orElseThrow().personId();
	}

	@Test
	void membersTakeDailyTurnsHandingOverAtTheLocalTime() {
		Rotation r = new Rotation(NEW_YORK, LocalDate.parse("2026-06-01"), LocalTime.of(8, 0), 1,
				List.of(ANA, BEN, CAROL), List.of());
		assertThat(r.at(at(NEW_YORK, "2026-06-01T07:59:59"))).as("before the first hand-over").isEmpty();
		assertThat(onCall(r, at(NEW_YORK, "2026-06-01T08:00"))).isEqualTo(ANA);
		assertThat(onCall(r, at(NEW_YORK, "2026-06-02T07:59:59"))).isEqualTo(ANA);
		assertThat(onCall(r, at(NEW_YORK, "2026-06-02T08:00"))).isEqualTo(BEN);
		assertThat(onCall(r, at(NEW_YORK, "2026-06-03T23:00"))).isEqualTo(CAROL);
		assertThat(onCall(r, at(NEW_YORK, "2026-06-04T09:00"))).as("the turn comes round again").isEqualTo(ANA);
		Rotation.Turn turn = r.at(at(NEW_YORK, "2026-06-02T12:00")).orElseThrow();
		assertThat(turn.from()).isEqualTo(at(NEW_YORK, "2026-06-02T08:00"));
		assertThat(turn.until()).isEqualTo(at(NEW_YORK, "2026-06-03T08:00"));
	}

	@Test
	void aWeeklyShiftHandsOverAtTheSameWallClockTimeAcrossADaylightSavingChange() {
		// clocks go forward on Sunday 2026-03-08 in New York: that week is 167 hours long
		Rotation r = new Rotation(NEW_YORK, LocalDate.parse("2026-03-02"), LocalTime.of(8, 0), 7,
				List.of(ANA, BEN), List.of());
		assertThat(onCall(r, at(NEW_YORK, "2026-03-09T07:59:59"))).isEqualTo(ANA);
		assertThat(onCall(r, at(NEW_YORK, "2026-03-09T08:00"))).isEqualTo(BEN);
		Rotation.Turn first = r.at(at(NEW_YORK, "2026-03-05T12:00")).orElseThrow();
		assertThat(java.time.Duration.between(first.from(), first.until())).hasHours(167);
	}

	@Test
	void aHandOverInTheSkippedHourHappensAtTheFirstInstantAfterTheGap() {
		// 02:00-03:00 does not exist on 2026-03-08 in New York
		Rotation r = new Rotation(NEW_YORK, LocalDate.parse("2026-03-07"), LocalTime.of(2, 30), 1,
				List.of(ANA, BEN), List.of());
		Instant gapEnd = ZonedDateTime.of(2026, 3, 8, 3, 0, 0, 0, NEW_YORK).toInstant();
		assertThat(onCall(r, gapEnd.minusSeconds(1))).isEqualTo(ANA);
		assertThat(onCall(r, gapEnd)).isEqualTo(BEN);
		assertThat(r.at(gapEnd).orElseThrow().from()).isEqualTo(gapEnd);
	}

	@Test
	void aHandOverInTheRepeatedHourHappensOnceAtItsFirstOccurrence() {
		// 01:00-02:00 happens twice on 2026-11-01 in New York (EDT, then EST)
		Rotation r = new Rotation(NEW_YORK, LocalDate.parse("2026-10-31"), LocalTime.of(1, 30), 1,
				List.of(ANA, BEN), List.of());
		Instant firstOccurrence = Instant.parse("2026-11-01T05:30:00Z");
		Instant secondOccurrence = Instant.parse("2026-11-01T06:30:00Z");
		assertThat(onCall(r, firstOccurrence.minusSeconds(1))).isEqualTo(ANA);
		assertThat(onCall(r, firstOccurrence)).isEqualTo(BEN);
		assertThat(onCall(r, secondOccurrence.plusSeconds(60))).as("no second hand-over").isEqualTo(BEN);
		assertThat(onCall(r, Instant.parse("2026-11-02T06:29:59Z"))).as("01:29:59 EST next day").isEqualTo(BEN);
		assertThat(onCall(r, Instant.parse("2026-11-02T06:30:00Z"))).as("01:30 EST next day").isEqualTo(ANA);
	}

	@Test
	void aHandOverAtMidnightChangesTheTurnExactlyAtMidnight() {
		ZoneId lisbon = ZoneId.of("Europe/Lisbon");
		Rotation r = new Rotation(lisbon, LocalDate.parse("2026-12-30"), LocalTime.MIDNIGHT, 1, List.of(ANA, BEN),
				List.of());
		assertThat(onCall(r, at(lisbon, "2026-12-30T23:59:59"))).isEqualTo(ANA);
		assertThat(onCall(r, at(lisbon, "2026-12-31T00:00"))).isEqualTo(BEN);
		assertThat(onCall(r, at(lisbon, "2027-01-01T00:00"))).as("across the year end").isEqualTo(ANA);
	}

	@Test
	void aMidnightHandOverOnADayWhoseMidnightIsSkippedHappensWhenTheDayBegins() {
		// Cuba moves its clocks from 00:00 to 01:00 on 2026-03-08: that day has no midnight
		ZoneId havana = ZoneId.of("America/Havana");
		assertThat(havana.getRules().getValidOffsets(LocalDateTime.parse("2026-03-08T00:00"))).isEmpty();
		Rotation r = new Rotation(havana, LocalDate.parse("2026-03-07"), LocalTime.MIDNIGHT, 1, List.of(ANA, BEN),
				List.of());
		Instant dayBegins = LocalDate.parse("2026-03-08").atStartOfDay(havana).toInstant();
		assertThat(onCall(r, dayBegins.minusSeconds(1))).isEqualTo(ANA);
		assertThat(onCall(r, dayBegins)).isEqualTo(BEN);
	}

	@Test
	void anOverrideReplacesTheScheduledPersonForItsPeriodAndTheLatestOverrideWins() {
		ZoneId lisbon = ZoneId.of("Europe/Lisbon");
		Instant from = at(lisbon, "2026-12-24T18:00");
		Instant until = at(lisbon, "2026-12-26T08:00");
		Rotation r = new Rotation(lisbon, LocalDate.parse("2026-12-21"), LocalTime.of(8, 0), 7, List.of(ANA, BEN),
				List.of(new Rotation.Override(CAROL, from, until, "Christmas cover"),
						new Rotation.Override(BEN, at(lisbon, "2026-12-25T00:00"), at(lisbon, "2026-12-25T12:00"),
								"swap")));
		assertThat(onCall(r, from.minusSeconds(1))).isEqualTo(ANA);
		assertThat(r.at(from).orElseThrow()).satisfies(t -> {
			assertThat(t.personId()).isEqualTo(CAROL);
			assertThat(t.override()).isTrue();
			assertThat(t.reason()).isEqualTo("Christmas cover");
			assertThat(t.until()).isEqualTo(until);
		});
		assertThat(onCall(r, at(lisbon, "2026-12-25T06:00"))).as("the later override").isEqualTo(BEN);
		assertThat(onCall(r, at(lisbon, "2026-12-25T13:00"))).isEqualTo(CAROL);
		assertThat(onCall(r, until)).as("back to the schedule").isEqualTo(ANA);
	}

	@Test
	void officeHoursFollowTheWeekTheZoneAndTheHolidays() {
		ZoneId lisbon = ZoneId.of("Europe/Lisbon");
		OfficeHours hours = new OfficeHours(lisbon,
				Map.of(DayOfWeek.MONDAY, List.of(new OfficeHours.Interval(LocalTime.of(8, 0), LocalTime.of(12, 0)),
						new OfficeHours.Interval(LocalTime.of(13, 0), LocalTime.of(17, 0))),
						DayOfWeek.FRIDAY, List.of(new OfficeHours.Interval(LocalTime.of(20, 0), LocalTime.MIDNIGHT))),
				Set.of(LocalDate.parse("2026-12-07")), Set.of(MonthDay.parse("--12-25")), false);
		assertThat(hours.isOpen(at(lisbon, "2026-11-30T08:00"))).isTrue();
		assertThat(hours.isOpen(at(lisbon, "2026-11-30T12:30"))).as("lunch").isFalse();
		assertThat(hours.isOpen(at(lisbon, "2026-11-30T16:59"))).isTrue();
		assertThat(hours.isOpen(at(lisbon, "2026-11-30T17:00"))).isFalse();
		assertThat(hours.isOpen(at(lisbon, "2026-12-01T10:00"))).as("Tuesday has no hours").isFalse();
		assertThat(hours.isOpen(at(lisbon, "2026-12-04T23:59:59"))).as("until midnight").isTrue();
		assertThat(hours.isOpen(at(lisbon, "2026-12-07T10:00"))).as("a dated holiday").isFalse();
		assertThat(hours.isOpen(at(lisbon, "2026-12-14T10:00"))).isTrue();
		// Christmas 2028 is a Monday: a yearly holiday
		assertThat(hours.isOpen(at(lisbon, "2028-12-25T10:00"))).isFalse();
		assertThat(hours.isOpen(Instant.parse("2026-11-30T07:30:00Z"))).as("07:30 UTC is 07:30 in Lisbon in winter")
			.isFalse();
		assertThat(OfficeHours.always(lisbon).isOpen(at(lisbon, "2026-12-25T03:00"))).isTrue();
	}

	@Property(tries = 500)
	void theTurnAtAnyInstantContainsThatInstantAndFollowsTheOrder(@ForAll @LongRange(min = 0, max = 3_000_000_00L) long secondsAfterStart,
			@ForAll @IntRange(min = 1, max = 14) int shiftDays, @ForAll @IntRange(min = 0, max = 23) int hour) {
		LocalDate start = LocalDate.parse("2026-01-01");
		Rotation r = new Rotation(NEW_YORK, start, LocalTime.of(hour, 0), shiftDays, List.of(ANA, BEN, CAROL),
				List.of());
		Instant at = r.handoverOn(start).plusSeconds(secondsAfterStart);
		Rotation.Turn turn = r.at(at).orElseThrow();
		assertThat(turn.from()).isBeforeOrEqualTo(at);
		assertThat(turn.until()).isAfter(at);
		Rotation.Turn next = r.at(turn.until()).orElseThrow();
		assertThat(next.from()).isEqualTo(turn.until());
		assertThat(next.personId()).isEqualTo(List.of(ANA, BEN, CAROL)
			.get((List.of(ANA, BEN, CAROL).indexOf(turn.personId()) + 1) % 3));
	}
}
