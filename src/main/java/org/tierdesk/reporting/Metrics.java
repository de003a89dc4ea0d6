package org.tierdesk.reporting;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.InvalidFieldException;

/**
 * The desk's metrics per program and period (day, week or month in the program's time zone), optionally sliced by a
 * dimension: volumes and backlog, first-contact and Tier 1 resolution, escalation, ping-pong, reopening and acceptance
 * rates, and the median and 90th percentile of the time to first response and to resolution (wall-clock). Each
 * period is one aggregate query over index ranges of the ticket facts — never every ticket in memory.
 */
@Service
public class Metrics {

	public enum Period {
		DAY, WEEK, MONTH
	}

	/** What a metric can be sliced by, and the fact column behind it. */
	public enum Slice {
		CHANNEL("channel"), KIND("kind"), PRIORITY("priority"), CATEGORY("category"), SYSTEM("system_name"),
		SITE("site"), ORGANIZATION("organization"), TIER("resolved_tier"), GROUP("owner_group_id"), AGENT("owner_id");

		final String column;

		Slice(String column) {
			this.column = column;
		}
	}

	/**
	 * One period (and slice value): counts, rates as shares of 0..1 (null when there is nothing to divide), times in
	 * minutes.
	 */
	public record Row(LocalDate period, String slice, long opened, long resolved, long closed, long backlog,
			Double firstContactResolution, Double tier1Resolution, Double escalationRate, long pingPongs,
			Double reopenRate, Double acceptanceRate, Double firstResponseMedianMinutes,
			Double firstResponseP90Minutes, Double resolutionMedianMinutes, Double resolutionP90Minutes) {
	}

	public record Report(String program, ZoneId zone, LocalDate from, LocalDate to, Period period, Slice by,
			List<Row> rows) {
	}

	/** How far back metrics may be asked for. */
	static final int RETENTION_DAYS = 3 * 366;

	private final JdbcClient jdbc;

	private final Programs programs;

	private final org.tierdesk.identity.Accounts accounts;

	private final org.tierdesk.directory.SupportGroups groups;

	private final Clock clock;

	Metrics(JdbcClient jdbc, Programs programs, org.tierdesk.identity.Accounts accounts,
			org.tierdesk.directory.SupportGroups groups, Clock clock) {
		this.jdbc = jdbc;
		this.programs = programs;
		this.accounts = accounts;
		this.groups = groups;
		this.clock = clock;
	}

	/** The metrics of the periods that start in [from, to) (dates in the program's zone; {@code to} exclusive). */
	public Report report(DeskPrincipal me, String programKey, LocalDate from, LocalDate to, String period, String by) {
		Program program = programs.forStaff(me, programKey, "only the program's desk staff read its metrics");
		Period p = parse(Period.class, period == null ? "WEEK" : period, "period");
		Slice slice = by == null || by.isBlank() ? null : parse(Slice.class, by, "by");
		ZoneId zone = program.timeZone();
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		LocalDate end = to == null ? today.plusDays(1) : to;
		LocalDate start = from == null ? end.minusDays(p == Period.DAY ? 14 : p == Period.WEEK ? 84 : 365) : from;
		if (!start.isBefore(end)) {
			throw new InvalidFieldException("to", "the period ends (" + end + ") before it starts (" + start + ")");
		}
		if (start.isBefore(today.minusDays(RETENTION_DAYS))) {
			throw new InvalidFieldException("from", "metrics go back " + RETENTION_DAYS + " days, to "
					+ today.minusDays(RETENTION_DAYS));
		}
		List<Row> rows = new ArrayList<>();
		for (LocalDate b = first(start, p); b.isBefore(end); b = next(b, p)) {
			Instant lo = b.atStartOfDay(zone).toInstant();
			Instant hi = next(b, p).atStartOfDay(zone).toInstant();
			rows.addAll(period(program.id(), b, lo, hi, slice));
		}
		return new Report(program.key(), zone, start, end, p, slice, named(program.id(), slice, rows));
	}

	private List<Row> period(long programId, LocalDate label, Instant lo, Instant hi, Slice slice) {
		String dim = slice == null ? "cast(null as varchar(10))" : "cast(" + slice.column + " as varchar(200))";
		String sql = """
				select %1$s as slice,
				  sum(case when opened_at >= :lo and opened_at < :hi then 1 else 0 end) as opened,
				  sum(case when resolved_at >= :lo and resolved_at < :hi then 1 else 0 end) as resolved,
				  sum(case when closed_at >= :lo and closed_at < :hi then 1 else 0 end) as closed,
				  sum(case when opened_at < :hi and (closed_at is null or closed_at >= :hi)
				           and (cancelled_at is null or cancelled_at >= :hi) then 1 else 0 end) as backlog,
				  sum(case when resolved_at >= :lo and resolved_at < :hi and resolved_tier = 1 and escalations = 0
				           and reopens = 0 and customer_follow_ups = 0 then 1 else 0 end) as first_contact,
				  sum(case when resolved_at >= :lo and resolved_at < :hi and resolved_tier = 1 then 1 else 0 end) as tier1,
				  sum(case when opened_at >= :lo and opened_at < :hi and escalations > 0 then 1 else 0 end) as escalated,
				  sum(case when opened_at >= :lo and opened_at < :hi then ping_pongs else 0 end) as ping_pongs,
				  sum(case when resolved_at >= :lo and resolved_at < :hi and reopens > 0 then 1 else 0 end) as reopened,
				  sum(case when closed_at >= :lo and closed_at < :hi and accepted then 1 else 0 end) as accepted,
				  sum(case when closed_at >= :lo and closed_at < :hi and accepted is not null then 1 else 0 end) as answered
				from reporting_ticket_fact
				where program_id = :program and opened_at < :hi
				  and (opened_at >= :lo or closed_at is null or closed_at >= :lo or resolved_at >= :lo)
				group by %1$s""".formatted(dim);
		Map<String, long[]> counts = new LinkedHashMap<>();
		jdbc.sql(sql).param("program", programId).param("lo", lo.atOffset(ZoneOffset.UTC))
			.param("hi", hi.atOffset(ZoneOffset.UTC))
			.query((rs, i) -> {
				long[] c = new long[11];
				for (int k = 0; k < c.length; k++) {
					c[k] = rs.getLong(k + 2);
				}
				counts.put(rs.getString(1), c);
				return null;
			}).list();
		Map<String, double[]> times = times(programId, lo, hi, slice, dim);
		List<Row> rows = new ArrayList<>();
		for (Map.Entry<String, long[]> e : counts.entrySet()) {
			long[] c = e.getValue();
			if (slice != null && c[0] + c[1] + c[2] + c[3] == 0) {
				continue;
			}
			double[] t = times.getOrDefault(e.getKey(), new double[4]);
			rows.add(new Row(label, e.getKey(), c[0], c[1], c[2], c[3], share(c[4], c[1]), share(c[5], c[1]),
					share(c[6], c[0]), c[7], share(c[8], c[1]), share(c[9], c[10]), minutes(t[0]), minutes(t[1]),
					minutes(t[2]), minutes(t[3])));
		}
		if (rows.isEmpty() && slice == null) {
			rows.add(new Row(label, null, 0, 0, 0, 0, null, null, null, 0, null, null, null, null, null, null));
		}
		return rows;
	}

	/** Agents and groups by name rather than by number. */
	private List<Row> named(long programId, Slice slice, List<Row> rows) {
		if (slice != Slice.AGENT && slice != Slice.GROUP) {
			return List.copyOf(rows);
		}
		Map<String, String> names = new java.util.HashMap<>();
		if (slice == Slice.AGENT) {
			accounts.byIds(rows.stream().map(Row::slice).filter(java.util.Objects::nonNull).map(Long::valueOf)
				.distinct().toList()).forEach((id, person) -> names.put(String.valueOf(id), person.displayName()));
		}
		else {
			groups.inProgram(programId).forEach(g -> names.put(String.valueOf(g.id()), g.name()));
		}
		return rows.stream().map(r -> r.slice() == null || !names.containsKey(r.slice()) ? r
				: new Row(r.period(), names.get(r.slice()), r.opened(), r.resolved(), r.closed(), r.backlog(),
						r.firstContactResolution(), r.tier1Resolution(), r.escalationRate(), r.pingPongs(),
						r.reopenRate(), r.acceptanceRate(), r.firstResponseMedianMinutes(), r.firstResponseP90Minutes(),
						r.resolutionMedianMinutes(), r.resolutionP90Minutes()))
			.toList();
	}

	/** Median and 90th percentile of the time to first response (tickets opened) and to resolution (resolved). */
	private Map<String, double[]> times(long programId, Instant lo, Instant hi, Slice slice, String dim) {
		Map<String, double[]> out = new LinkedHashMap<>();
		collect(out, 0, durations(programId, lo, hi, dim, "first_response_at", "opened_at"));
		collect(out, 2, durations(programId, lo, hi, dim, "resolved_at", "resolved_at"));
		return out;
	}

	private Map<String, List<Long>> durations(long programId, Instant lo, Instant hi, String dim, String endColumn,
			String periodColumn) {
		Map<String, List<Long>> byslice = new LinkedHashMap<>();
		jdbc.sql("""
				select %1$s as slice, opened_at, %2$s as ended from reporting_ticket_fact
				where program_id = :program and %3$s >= :lo and %3$s < :hi and %2$s is not null"""
			.formatted(dim, endColumn, periodColumn))
			.param("program", programId).param("lo", lo.atOffset(ZoneOffset.UTC)).param("hi", hi.atOffset(ZoneOffset.UTC))
			.query((rs, i) -> {
				long seconds = Duration.between(rs.getObject("opened_at", java.time.OffsetDateTime.class),
						rs.getObject("ended", java.time.OffsetDateTime.class)).toSeconds();
				byslice.computeIfAbsent(rs.getString("slice"), k -> new ArrayList<>()).add(seconds);
				return null;
			}).list();
		return byslice;
	}

	private static void collect(Map<String, double[]> out, int offset, Map<String, List<Long>> durations) {
		durations.forEach((slice, values) -> {
			double[] t = out.computeIfAbsent(slice, k -> new double[] { Double.NaN, Double.NaN, Double.NaN, Double.NaN });
			List<Long> sorted = values.stream().sorted().toList();
			t[offset] = percentile(sorted, 0.5);
			t[offset + 1] = percentile(sorted, 0.9);
		});
	}

	/** The nearest-rank percentile of sorted values, in seconds (NaN for none). */
	static double percentile(List<Long> sorted, double p) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

	private static Double minutes(double seconds) {
		return Double.isNaN(seconds) ? null : Math.round(seconds / 60.0 * 10) / 10.0;
	}

	private static Double share(long part, long whole) {
		return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
	}

	private static LocalDate first(LocalDate d, Period p) {
		return switch (p) {
			case DAY -> d;
			case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> d.withDayOfMonth(1);
		};
	}

	private static LocalDate next(LocalDate d, Period p) {
		return switch (p) {
			case DAY -> d.plusDays(1);
			case WEEK -> d.plusWeeks(1);
			case MONTH -> d.plusMonths(1);
		};
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldException(field, "no " + field + " " + value + "; one of "
					+ java.util.Arrays.toString(type.getEnumConstants()));
		}
	}
}
