package org.tierdesk.reporting;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.tierdesk.directory.OnCall;
import org.tierdesk.directory.SupportGroups;
import org.tierdesk.intake.HandleTimes;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.InvalidFieldException;

/**
 * How many Tier 1 agents each hour of the week needs: the arrivals measured over the last weeks (tickets opened by
 * phone and chat, the contacts someone must answer live, per hour of the week in the program's zone, averaged), the
 * handle time measured on logged calls and chats, and Erlang C for the service-level target, occupancy cap and
 * shrinkage — shown beside the roster (the Tier 1 members, in office hours).
 */
@Service
public class StaffingForecast {

	/** The forecast's inputs; {@code null}s take the defaults. */
	public record Settings(Integer weeks, Double targetShare, Integer answerWithinSeconds, Double maxOccupancy,
			Double shrinkage, Set<String> channels) {

		Settings resolved() {
			int w = weeks == null ? 4 : weeks;
			if (w < 1 || w > 52) {
				throw new InvalidFieldException("weeks", "between 1 and 52 weeks of history");
			}
			double t = targetShare == null ? 0.8 : targetShare;
			if (t <= 0 || t >= 1) {
				throw new InvalidFieldException("targetShare", "a share between 0 and 1, like 0.8");
			}
			int a = answerWithinSeconds == null ? 20 : answerWithinSeconds;
			if (a < 0 || a > 3600) {
				throw new InvalidFieldException("answerWithinSeconds", "between 0 and 3600 seconds");
			}
			double o = maxOccupancy == null ? 0.85 : maxOccupancy;
			if (o <= 0 || o > 1) {
				throw new InvalidFieldException("maxOccupancy", "a share above 0 and at most 1, like 0.85");
			}
			double s = shrinkage == null ? 0.3 : shrinkage;
			if (s < 0 || s >= 0.9) {
				throw new InvalidFieldException("shrinkage", "a share from 0 to below 0.9, like 0.3");
			}
			Set<String> c = channels == null || channels.isEmpty() ? Set.of("PHONE", "CHAT") : channels;
			Set<String> known = Set.of("PHONE", "CHAT", "EMAIL", "WEB", "SMS", "MESSAGE", "API");
			Set<String> upper = new HashSet<>();
			for (String channel : c) {
				String u = channel.strip().toUpperCase(Locale.ROOT);
				if (!known.contains(u)) {
					throw new InvalidFieldException("channels", "no channel " + channel + "; one of " + known);
				}
				upper.add(u);
			}
			return new Settings(w, t, a, o, s, Set.copyOf(upper));
		}
	}

	/** One hour of the week: what comes in, what it needs, who is there. */
	public record Hour(DayOfWeek day, int hour, double arrivalsPerHour, int required, int scheduled, int roster,
			double serviceLevel) {

		public int shortfall() {
			return Math.max(0, scheduled - roster);
		}
	}

	public record Forecast(String program, ZoneId zone, Instant from, Instant to, Settings settings,
			double handleSeconds, boolean handleTimeAssumed, long handledContacts, long arrivals, List<Hour> hours) {

		public int peakScheduled() {
			return hours.stream().mapToInt(Hour::scheduled).max().orElse(0);
		}

		public int hoursShort() {
			return (int) hours.stream().filter(h -> h.shortfall() > 0).count();
		}
	}

	/** The handle time assumed when the desk has logged no call or chat in the period. */
	static final double DEFAULT_HANDLE_SECONDS = 300;

	private final TicketEventLog events;

	private final HandleTimes handleTimes;

	private final SupportGroups groups;

	private final OnCall onCall;

	private final Programs programs;

	private final Clock clock;

	StaffingForecast(TicketEventLog events, HandleTimes handleTimes, SupportGroups groups, OnCall onCall,
			Programs programs, Clock clock) {
		this.events = events;
		this.handleTimes = handleTimes;
		this.groups = groups;
		this.onCall = onCall;
		this.programs = programs;
		this.clock = clock;
	}

	public Forecast forecast(DeskPrincipal me, String programKey, Settings requested) {
		Program program = programs.forStaff(me, programKey, "only the program's desk staff see its staffing");
		Settings s = requested == null ? new Settings(null, null, null, null, null, null).resolved()
				: requested.resolved();
		ZoneId zone = program.timeZone();
		// whole weeks up to the start of this week, in the program's zone
		ZonedDateTime weekStart = LocalDate.ofInstant(clock.instant(), zone)
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone);
		Instant to = weekStart.toInstant();
		Instant from = weekStart.minusWeeks(s.weeks()).toInstant();
		Map<Instant, Long> byHour = events.arrivalsByHour(program.id(), s.channels(), from, to);
		double[][] arrivals = new double[7][24];
		long total = 0;
		for (Map.Entry<Instant, Long> e : byHour.entrySet()) {
			ZonedDateTime local = e.getKey().atZone(zone);
			arrivals[local.getDayOfWeek().getValue() - 1][local.getHour()] += e.getValue();
			total += e.getValue();
		}
		HandleTimes.HandleTime handled = handleTimes.of(program.id(), from, to);
		boolean assumed = handled.contacts() == 0;
		double handleSeconds = assumed ? DEFAULT_HANDLE_SECONDS : handled.averageSeconds();
		int tier1 = (int) groups.inProgram(program.id()).stream().filter(g -> g.tier() == 1)
			.flatMap(g -> g.memberIds().stream()).distinct().count();
		// the roster of the coming week: Tier 1 in office hours
		ZonedDateTime next = weekStart.plusWeeks(1);
		List<Hour> hours = new ArrayList<>();
		for (int d = 0; d < 7; d++) {
			for (int h = 0; h < 24; h++) {
				double perHour = arrivals[d][h] / s.weeks();
				ErlangC.Requirement r = ErlangC.required(perHour, handleSeconds, s.answerWithinSeconds(),
						s.targetShare(), s.maxOccupancy(), s.shrinkage());
				Instant middle = next.plusDays(d).withHour(h).plusMinutes(30).toInstant();
				int roster = onCall.inOfficeHours(program.id(), middle) ? tier1 : 0;
				hours.add(new Hour(DayOfWeek.of(d + 1), h, perHour, r.agents(), r.scheduled(), roster,
						r.outcome().serviceLevel()));
			}
		}
		return new Forecast(program.key(), zone, from, to, s, handleSeconds, assumed, handled.contacts(), total,
				List.copyOf(hours));
	}
}
