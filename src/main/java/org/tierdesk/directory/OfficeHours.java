package org.tierdesk.directory;

import java.time.DayOfWeek;
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

/**
 * When a program's desk is staffed: working intervals per weekday in the program's zone, less its holidays (dated, or
 * every year on a day). Outside these hours the after-hours coverage applies. Plain rules, no framework.
 */
record OfficeHours(ZoneId zone, Map<DayOfWeek, List<Interval>> week, Set<LocalDate> holidays,
		Set<MonthDay> yearlyHolidays, boolean allHours) {

	/** A working interval of a day; {@code end} 00:00 means midnight at the end of the day. */
	record Interval(LocalTime start, LocalTime end) {

		boolean contains(LocalTime t) {
			boolean toMidnight = end.equals(LocalTime.MIDNIGHT);
			return !t.isBefore(start) && (toMidnight || t.isBefore(end));
		}

		@Override
		public String toString() {
			return start + "-" + end;
		}
	}

	OfficeHours {
		EnumMap<DayOfWeek, List<Interval>> copy = new EnumMap<>(DayOfWeek.class);
		week.forEach((d, list) -> copy.put(d, List.copyOf(list)));
		week = copy;
		holidays = Set.copyOf(holidays);
		yearlyHolidays = Set.copyOf(yearlyHolidays);
	}

	/** Round the clock, every day: the desk is never "after hours". */
	static OfficeHours always(ZoneId zone) {
		return new OfficeHours(zone, Map.of(), Set.of(), Set.of(), true);
	}

	boolean isHoliday(LocalDate day) {
		return holidays.contains(day) || yearlyHolidays.contains(MonthDay.from(day));
	}

	/** The desk is staffed at this instant. */
	boolean isOpen(Instant at) {
		if (allHours) {
			return true;
		}
		LocalDateTime local = LocalDateTime.ofInstant(at, zone);
		if (isHoliday(local.toLocalDate())) {
			return false;
		}
		return week.getOrDefault(local.getDayOfWeek(), List.of()).stream()
			.anyMatch(i -> i.contains(local.toLocalTime()));
	}
}
