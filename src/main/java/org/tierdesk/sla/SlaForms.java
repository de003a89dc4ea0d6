package org.tierdesk.sla;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.tierdesk.system.InvalidRowsException.RowProblem;
import org.tierdesk.system.TimeOfDay;
import org.tierdesk.ticket.Priority;
import org.tierdesk.ticket.TicketStatus;

/** What administrators write for calendars, policies and group targets, and the checks each must pass. */
public final class SlaForms {

	private SlaForms() {
	}

	/**
	 * A business calendar: {@code hours} per weekday ({@code "MONDAY": ["08:00-12:00","13:00-17:00"]}, {@code 24:00}
	 * for midnight), {@code holidays} ({@code 2026-12-24} once, {@code --12-25} every year), or {@code allHours}.
	 */
	public record CalendarForm(String timeZone, Boolean allHours, Map<String, List<String>> hours,
			List<String> holidays) {
	}

	/**
	 * A service level policy: the targets per priority over a calendar (by name; none: round the clock in the
	 * program's zone), the warning threshold, the statuses that pause its clocks, and the contract service level it
	 * applies to (none: the program's default policy).
	 */
	public record PolicyForm(String serviceLevel, String calendar, Integer warningPercent, List<String> pauseOn,
			Map<String, TargetForm> targets) {
	}

	/**
	 * Minutes of business time to the first response, between the desk's updates to the customer, and to resolution;
	 * any may be left out.
	 */
	public record TargetForm(Integer firstResponseMinutes, Integer nextUpdateMinutes, Integer resolutionMinutes) {
	}

	/** The time a support group has to return its work: an OLA for Tier 2/3, an underpinning contract at Tier 4. */
	public record GroupTargetForm(String calendar, Integer targetMinutes, Integer warningPercent) {
	}

	static final Set<TicketStatus> PAUSABLE = Set.of(TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.WAITING_ON_VENDOR);

	static BusinessCalendar calendar(CalendarForm f, ZoneId programZone, List<RowProblem> problems) {
		int before = problems.size();
		if (f == null) {
			problems.add(new RowProblem(1, "hours", "a calendar is required"));
			return null;
		}
		ZoneId zone = programZone;
		if (f.timeZone() != null) {
			try {
				zone = ZoneId.of(f.timeZone().strip());
			}
			catch (DateTimeException e) {
				problems.add(new RowProblem(1, "timeZone", "not a time zone: " + f.timeZone()));
			}
		}
		if (Boolean.TRUE.equals(f.allHours())) {
			if (f.hours() != null && !f.hours().isEmpty()) {
				problems.add(new RowProblem(1, "hours", "a round-the-clock calendar has no hours"));
			}
			return problems.size() > before ? null : BusinessCalendar.allHours(zone);
		}
		Map<DayOfWeek, List<BusinessCalendar.Interval>> week = new EnumMap<>(DayOfWeek.class);
		Map<String, List<String>> hours = f.hours() == null ? Map.of() : f.hours();
		for (var day : hours.entrySet()) {
			DayOfWeek dow;
			try {
				dow = DayOfWeek.valueOf(day.getKey().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				problems.add(new RowProblem(1, "hours." + day.getKey(), "not a day of the week (MONDAY..SUNDAY)"));
				continue;
			}
			List<BusinessCalendar.Interval> intervals = new ArrayList<>();
			List<String> given = day.getValue() == null ? List.of() : day.getValue();
			for (int i = 0; i < given.size(); i++) {
				String field = "hours." + day.getKey() + "[" + i + "]";
				String[] parts = given.get(i) == null ? new String[0] : given.get(i).split("-");
				if (parts.length != 2) {
					problems.add(new RowProblem(1, field, "write an interval as HH:mm-HH:mm"));
					continue;
				}
				LocalTime start = time(parts[0], field, problems);
				LocalTime end = time(parts[1], field, problems);
				if (start == null || end == null) {
					continue;
				}
				if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
					problems.add(new RowProblem(1, field, "an interval ends after it starts"));
					continue;
				}
				BusinessCalendar.Interval interval = new BusinessCalendar.Interval(start, end);
				if (intervals.stream().anyMatch(o -> overlaps(o, interval))) {
					problems.add(new RowProblem(1, field, "overlaps another interval of " + dow));
					continue;
				}
				intervals.add(interval);
			}
			week.put(dow, intervals);
		}
		if (week.values().stream().allMatch(List::isEmpty) && problems.size() == before) {
			problems.add(new RowProblem(1, "hours", "give working hours on at least one day, or allHours"));
		}
		Set<LocalDate> dated = new HashSet<>();
		Set<MonthDay> yearly = new HashSet<>();
		List<String> holidays = f.holidays() == null ? List.of() : f.holidays();
		for (int i = 0; i < holidays.size(); i++) {
			String text = holidays.get(i) == null ? "" : holidays.get(i).strip();
			try {
				if (text.startsWith("--")) {
					yearly.add(MonthDay.parse(text));
				}
				else {
					dated.add(LocalDate.parse(text));
				}
			}
			catch (DateTimeException e) {
				problems.add(new RowProblem(1, "holidays[" + i + "]",
						"a holiday is a date (2026-12-24) or a yearly day (--12-25): " + text));
			}
		}
		return problems.size() > before ? null : BusinessCalendar.of(zone, week, dated, yearly);
	}

	/** A checked policy: targets per priority, what pauses it, its warning threshold. */
	record Policy(String name, String serviceLevel, String calendar, int warningPercent, Set<TicketStatus> pauseOn,
			Map<Priority, TargetForm> targets) {
	}

	static Policy policy(String name, PolicyForm f, Set<String> calendars, List<RowProblem> problems) {
		int before = problems.size();
		if (f == null) {
			problems.add(new RowProblem(1, "targets", "a policy is required"));
			return null;
		}
		if (f.calendar() != null && !calendars.contains(f.calendar().strip().toLowerCase(Locale.ROOT))) {
			problems.add(new RowProblem(1, "calendar", "the program has no calendar " + f.calendar()));
		}
		int warning = f.warningPercent() == null ? 75 : f.warningPercent();
		if (warning < 1 || warning > 100) {
			problems.add(new RowProblem(1, "warningPercent", "between 1 and 100 (100: no warning)"));
		}
		Set<TicketStatus> pauseOn = new HashSet<>();
		List<String> pauses = f.pauseOn() == null ? List.of("WAITING_ON_CUSTOMER") : f.pauseOn();
		for (int i = 0; i < pauses.size(); i++) {
			try {
				TicketStatus s = TicketStatus.valueOf(pauses.get(i).strip().toUpperCase(Locale.ROOT));
				if (!PAUSABLE.contains(s)) {
					throw new IllegalArgumentException();
				}
				pauseOn.add(s);
			}
			catch (RuntimeException e) {
				problems.add(new RowProblem(1, "pauseOn[" + i + "]",
						"clocks pause on WAITING_ON_CUSTOMER or WAITING_ON_VENDOR, not " + pauses.get(i)));
			}
		}
		Map<Priority, TargetForm> targets = new LinkedHashMap<>();
		Map<String, TargetForm> given = f.targets() == null ? Map.of() : f.targets();
		if (given.isEmpty()) {
			problems.add(new RowProblem(1, "targets", "give the targets of at least one priority"));
		}
		for (var t : given.entrySet()) {
			Priority p;
			try {
				p = Priority.valueOf(t.getKey().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				problems.add(new RowProblem(1, "targets." + t.getKey(), "not a priority: CRITICAL, HIGH, MEDIUM, LOW, PLANNING"));
				continue;
			}
			TargetForm target = t.getValue();
			if (target == null || (target.firstResponseMinutes() == null && target.resolutionMinutes() == null
					&& target.nextUpdateMinutes() == null)) {
				problems.add(new RowProblem(1, "targets." + t.getKey(),
						"give firstResponseMinutes, nextUpdateMinutes, resolutionMinutes or some of them"));
				continue;
			}
			minutes(target.firstResponseMinutes(), "targets." + t.getKey() + ".firstResponseMinutes", problems);
			minutes(target.nextUpdateMinutes(), "targets." + t.getKey() + ".nextUpdateMinutes", problems);
			minutes(target.resolutionMinutes(), "targets." + t.getKey() + ".resolutionMinutes", problems);
			if (target.firstResponseMinutes() != null && target.resolutionMinutes() != null
					&& target.firstResponseMinutes() > target.resolutionMinutes()) {
				problems.add(new RowProblem(1, "targets." + t.getKey() + ".firstResponseMinutes",
						"the first response cannot be due after the resolution"));
			}
			targets.put(p, target);
		}
		String level = f.serviceLevel() == null || f.serviceLevel().isBlank() ? null : f.serviceLevel().strip();
		return problems.size() > before ? null
				: new Policy(name, level, f.calendar() == null ? null : f.calendar().strip(), warning, Set.copyOf(pauseOn),
						targets);
	}

	static void minutes(Integer value, String field, List<RowProblem> problems) {
		if (value != null && (value < 1 || value > 525_600)) {
			problems.add(new RowProblem(1, field, "a target is 1 minute to a year, not " + value));
		}
	}

	private static LocalTime time(String text, String field, List<RowProblem> problems) {
		try {
			return TimeOfDay.parse(text);
		}
		catch (DateTimeException e) {
			problems.add(new RowProblem(1, field, "not a time of day (HH:mm): " + text));
			return null;
		}
	}

	private static boolean overlaps(BusinessCalendar.Interval a, BusinessCalendar.Interval b) {
		return TimeOfDay.overlap(a.start(), a.end(), b.start(), b.end());
	}
}
