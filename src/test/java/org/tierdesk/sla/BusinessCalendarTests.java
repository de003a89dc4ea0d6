package org.tierdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tierdesk.sla.BusinessCalendar.Interval;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Business time over working hours, zones, daylight saving, holidays and midnight. */
class BusinessCalendarTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static Instant at(ZoneId zone, String local) {
		return LocalDateTime.parse(local).atZone(zone).toInstant();
	}

	/** Monday to Friday 08:00-12:00 and 13:00-17:00; Christmas every year; a dated holiday. */
	static BusinessCalendar office(ZoneId zone) {
		Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			week.put(d, List.of(new Interval(LocalTime.of(8, 0), LocalTime.of(12, 0)),
					new Interval(LocalTime.of(13, 0), LocalTime.of(17, 0))));
		}
		return BusinessCalendar.of(zone, week, Set.of(LocalDate.parse("2026-10-05")), Set.of(MonthDay.parse("--12-25")));
	}

	@Test
	void businessTimeSkipsLunchNightsWeekendsAndHolidays() {
		BusinessCalendar c = office(BERLIN);
		assertThat(c.between(at(BERLIN, "2026-11-23T11:00"), at(BERLIN, "2026-11-23T14:00"))).hasHours(2);
		// Friday 16:00 to Monday 09:00: one hour Friday, one hour Monday
		assertThat(c.between(at(BERLIN, "2026-11-27T16:00"), at(BERLIN, "2026-11-30T09:00"))).hasHours(2);
		// Thursday 24 Dec 16:00 to Monday 28 Dec 09:00: Christmas Friday is a holiday
		assertThat(c.between(at(BERLIN, "2026-12-24T16:00"), at(BERLIN, "2026-12-28T09:00"))).hasHours(2);
		assertThat(c.between(at(BERLIN, "2026-10-05T09:00"), at(BERLIN, "2026-10-05T16:00"))).as("dated holiday")
			.isZero();
		assertThat(c.between(at(BERLIN, "2026-11-23T14:00"), at(BERLIN, "2026-11-23T11:00"))).isZero();
	}

	@Test
	void aDurationEndsInsideWorkingTimeOrAtTheEndOfAnInterval() {
		BusinessCalendar c = office(BERLIN);
		assertThat(c.plus(at(BERLIN, "2026-11-23T11:45"), Duration.ofMinutes(15))).isEqualTo(at(BERLIN,
				"2026-11-23T12:00"));
		assertThat(c.plus(at(BERLIN, "2026-11-23T11:45"), Duration.ofMinutes(30))).as("across lunch")
			.isEqualTo(at(BERLIN, "2026-11-23T13:15"));
		assertThat(c.plus(at(BERLIN, "2026-11-27T16:50"), Duration.ofMinutes(15))).as("over the weekend")
			.isEqualTo(at(BERLIN, "2026-11-30T08:05"));
		assertThat(c.plus(at(BERLIN, "2026-11-28T03:00"), Duration.ofMinutes(15))).as("starting on a Saturday")
			.isEqualTo(at(BERLIN, "2026-11-30T08:15"));
		assertThat(c.plus(at(BERLIN, "2026-12-24T16:30"), Duration.ofHours(1))).as("over Christmas")
			.isEqualTo(at(BERLIN, "2026-12-28T08:30"));
		assertThat(c.nextWorkingInstant(at(BERLIN, "2026-11-28T03:00"))).contains(at(BERLIN, "2026-11-30T08:00"));
	}

	@Test
	void daylightSavingChangesNeverShiftWorkingHours() {
		BusinessCalendar berlin = office(BERLIN);
		// clocks go forward on Sunday 2026-03-29 and back on Sunday 2026-10-25 in Berlin
		assertThat(berlin.between(at(BERLIN, "2026-03-27T16:00"), at(BERLIN, "2026-03-30T09:00"))).hasHours(2);
		assertThat(berlin.plus(at(BERLIN, "2026-10-23T16:30"), Duration.ofHours(1)))
			.isEqualTo(at(BERLIN, "2026-10-26T08:30"));
		BusinessCalendar ny = office(NEW_YORK);
		assertThat(ny.between(at(NEW_YORK, "2026-03-06T16:00"), at(NEW_YORK, "2026-03-09T09:00"))).hasHours(2);
		assertThat(ny.isWorking(Instant.parse("2026-03-09T12:30:00Z"))).as("08:30 EDT").isTrue();
		assertThat(ny.isWorking(Instant.parse("2026-03-06T12:30:00Z"))).as("07:30 EST").isFalse();
	}

	@Test
	void roundTheClockCountsEveryHourIncludingTheRepeatedOne() {
		Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek d : DayOfWeek.values()) {
			week.put(d, List.of(new Interval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
		}
		BusinessCalendar allDays = BusinessCalendar.of(BERLIN, week, Set.of(), Set.of());
		// 25 October 2026 has 25 hours in Berlin; 29 March 23
		assertThat(allDays.between(at(BERLIN, "2026-10-25T00:00"), at(BERLIN, "2026-10-26T00:00"))).hasHours(25);
		assertThat(allDays.between(at(BERLIN, "2026-03-29T00:00"), at(BERLIN, "2026-03-30T00:00"))).hasHours(23);
		BusinessCalendar always = BusinessCalendar.allHours(BERLIN);
		assertThat(always.plus(at(BERLIN, "2026-03-28T12:00"), Duration.ofHours(24)))
			.isEqualTo(at(BERLIN, "2026-03-29T13:00"));
	}

	@Test
	void anIntervalEndingAtMidnightRunsToTheEndOfTheDay() {
		Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
		week.put(DayOfWeek.FRIDAY, List.of(new Interval(LocalTime.of(22, 0), LocalTime.MIDNIGHT)));
		week.put(DayOfWeek.SATURDAY, List.of(new Interval(LocalTime.MIDNIGHT, LocalTime.of(2, 0))));
		BusinessCalendar night = BusinessCalendar.of(NEW_YORK, week, Set.of(), Set.of());
		assertThat(night.between(at(NEW_YORK, "2026-11-27T23:00"), at(NEW_YORK, "2026-11-28T01:00"))).hasHours(2);
		assertThat(night.plus(at(NEW_YORK, "2026-11-27T23:30"), Duration.ofMinutes(60)))
			.isEqualTo(at(NEW_YORK, "2026-11-28T00:30"));
		assertThat(night.isWorking(at(NEW_YORK, "2026-11-28T00:00"))).isTrue();
		assertThat(night.isWorking(at(NEW_YORK, "2026-11-28T02:00"))).isFalse();
	}

	@Property(tries = 300)
	void aDueInstantAlwaysEndsExactlyTheBusinessTimeAndFallsInWorkingTime(
			@ForAll @LongRange(min = 0, max = 400L * 24 * 3600) long secondsFromStart,
			@ForAll @LongRange(min = 1, max = 200L * 3600) long businessSeconds) {
		BusinessCalendar c = office(NEW_YORK);
		Instant from = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(secondsFromStart);
		Duration d = Duration.ofSeconds(businessSeconds);
		Instant due = c.plus(from, d);
		assertThat(c.between(from, due)).isEqualTo(d);
		assertThat(c.isWorking(due.minusSeconds(1))).as("the last second before the due instant is working time")
			.isTrue();
	}

	@Property(tries = 300)
	void businessTimeAddsUpOverAnySplit(@ForAll @LongRange(min = 0, max = 400L * 24 * 3600) long a,
			@ForAll @LongRange(min = 0, max = 30L * 24 * 3600) long b,
			@ForAll @LongRange(min = 0, max = 30L * 24 * 3600) long c) {
		BusinessCalendar cal = office(BERLIN);
		Instant t0 = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(a);
		Instant t1 = t0.plusSeconds(b);
		Instant t2 = t1.plusSeconds(c);
		assertThat(cal.between(t0, t2)).isEqualTo(cal.between(t0, t1).plus(cal.between(t1, t2)));
		assertThat(cal.between(t0, t2)).isLessThanOrEqualTo(Duration.between(t0, t2));
	}
}
