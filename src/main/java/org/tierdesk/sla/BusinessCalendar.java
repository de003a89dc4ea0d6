package org.tierdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Working time in a zone: intervals per weekday (several a day; an interval ending at 00:00 runs to midnight), less
 * holidays (dated, or every year on a day), or round the clock. Plain arithmetic with no framework and no clock of its
 * own: business time between two instants, and the instant a business duration after another.
 *
 * <p>Intervals follow the wall clock: on a day the clocks go forward, an interval starting in the skipped hour starts
 * when the clocks resume; on a day they go back, a repeated hour inside an interval counts twice, as people work it.
 */
public final class BusinessCalendar {

	/** A working interval of a day, local time; {@code end} 00:00 means midnight at the end of the day. */
	public record Interval(LocalTime start, LocalTime end) {

		public Interval {
			if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
				throw new IllegalArgumentException("an interval ends after it starts: " + start + "-" + end);
			}
		}

		@Override
		public String toString() {
			return start + "-" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : end);
		}
	}

	private static final int MAX_DAYS = 3_660;

	private final ZoneId zone;

	private final Map<DayOfWeek, List<Interval>> week;

	private final Set<LocalDate> holidays;

	private final Set<MonthDay> yearlyHolidays;

	private final boolean allHours;

	private BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<Interval>> week, Set<LocalDate> holidays,
			Set<MonthDay> yearlyHolidays, boolean allHours) {
		this.zone = zone;
		EnumMap<DayOfWeek, List<Interval>> copy = new EnumMap<>(DayOfWeek.class);
		week.forEach((d, list) -> copy.put(d, list.stream()
			.sorted(java.util.Comparator.comparing(Interval::start)).toList()));
		this.week = copy;
		this.holidays = Set.copyOf(holidays);
		this.yearlyHolidays = Set.copyOf(yearlyHolidays);
		this.allHours = allHours;
		if (!allHours && week.values().stream().allMatch(List::isEmpty)) {
			throw new IllegalArgumentException("a calendar needs working hours on at least one day");
		}
	}

	/** Working hours per weekday, less holidays. */
	public static BusinessCalendar of(ZoneId zone, Map<DayOfWeek, List<Interval>> week, Set<LocalDate> holidays,
			Set<MonthDay> yearlyHolidays) {
		return new BusinessCalendar(zone, week, holidays, yearlyHolidays, false);
	}

	/** Round the clock, every day (24×7): business time is calendar time. */
	public static BusinessCalendar allHours(ZoneId zone) {
		return new BusinessCalendar(zone, Map.of(), Set.of(), Set.of(), true);
	}

	public ZoneId zone() {
		return zone;
	}

	public boolean isAllHours() {
		return allHours;
	}

	public boolean isHoliday(LocalDate day) {
		return holidays.contains(day) || yearlyHolidays.contains(MonthDay.from(day));
	}

	/** Whether the instant lies in working time. */
	public boolean isWorking(Instant at) {
		if (allHours) {
			return true;
		}
		LocalDate day = LocalDate.ofInstant(at, zone);
		for (LocalDate d : List.of(day.minusDays(1), day)) {
			for (Instant[] w : windows(d)) {
				if (!at.isBefore(w[0]) && at.isBefore(w[1])) {
					return true;
				}
			}
		}
		return false;
	}

	/** Business time in {@code [from, to)}; zero when {@code to} is not after {@code from}. */
	public Duration between(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		if (allHours) {
			return Duration.between(from, to);
		}
		Duration total = Duration.ZERO;
		LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1);
		LocalDate last = LocalDate.ofInstant(to, zone);
		while (!day.isAfter(last)) {
			for (Instant[] w : windows(day)) {
				Instant start = w[0].isAfter(from) ? w[0] : from;
				Instant end = w[1].isBefore(to) ? w[1] : to;
				if (end.isAfter(start)) {
					total = total.plus(Duration.between(start, end));
				}
			}
			day = day.plusDays(1);
		}
		return total;
	}

	/**
	 * The instant at which {@code businessTime} of working time has passed since {@code from}: inside working time,
	 * or at the end of a working interval. Zero business time is {@code from} itself.
	 *
	 * @throws IllegalStateException if the calendar has no working time for ten years after {@code from}
	 */
	public Instant plus(Instant from, Duration businessTime) {
		if (businessTime.isNegative()) {
			throw new IllegalArgumentException("business time cannot be negative");
		}
		if (businessTime.isZero()) {
			return from;
		}
		if (allHours) {
			return from.plus(businessTime);
		}
		Duration left = businessTime;
		LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1);
		for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
			for (Instant[] w : windows(day)) {
				Instant start = w[0].isAfter(from) ? w[0] : from;
				if (!w[1].isAfter(start)) {
					continue;
				}
				Duration available = Duration.between(start, w[1]);
				if (available.compareTo(left) >= 0) {
					return start.plus(left);
				}
				left = left.minus(available);
			}
		}
		throw new IllegalStateException("no working time within ten years");
	}

	/** The next instant at or after {@code at} that is working time (for clocks that start outside hours). */
	public Optional<Instant> nextWorkingInstant(Instant at) {
		if (allHours) {
			return Optional.of(at);
		}
		LocalDate day = LocalDate.ofInstant(at, zone).minusDays(1);
		for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
			for (Instant[] w : windows(day)) {
				if (w[1].isAfter(at)) {
					return Optional.of(w[0].isAfter(at) ? w[0] : at);
				}
			}
		}
		return Optional.empty();
	}

	/** The working windows of a local day as instants, in order; none on a holiday. */
	private List<Instant[]> windows(LocalDate day) {
		if (isHoliday(day)) {
			return List.of();
		}
		List<Interval> intervals = week.getOrDefault(day.getDayOfWeek(), List.of());
		List<Instant[]> windows = new ArrayList<>(intervals.size());
		for (Interval i : intervals) {
			Instant start = instant(day.atTime(i.start()));
			Instant end = i.end().equals(LocalTime.MIDNIGHT) ? instant(day.plusDays(1).atStartOfDay())
					: instant(day.atTime(i.end()));
			if (end.isAfter(start)) {
				windows.add(new Instant[] { start, end });
			}
		}
		return windows;
	}

	/** A local time as an instant: after a gap when the clocks skip it, its first occurrence when they repeat it. */
	private Instant instant(LocalDateTime local) {
		var transition = zone.getRules().getTransition(local);
		if (transition != null && transition.isGap()) {
			return transition.getInstant();
		}
		return local.atZone(zone).withEarlierOffsetAtOverlap().toInstant();
	}

	@Override
	public String toString() {
		return allHours ? "24x7 " + zone : week + " " + zone + ", holidays " + holidays + " " + yearlyHolidays;
	}
}
