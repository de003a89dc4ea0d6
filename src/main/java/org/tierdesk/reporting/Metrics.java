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
 * rates, the median and 90th percentile of the time to first response, to resolution and per tier (business time
 * on the program's default calendar, not counting waits on the customer), swarmed against tiered resolution, SLA and
 * OLA attainment, satisfaction; and per period what the desk did beyond its tickets (Tier 0 deflection, article views,
 * chats answered in target, live contacts and their handle time, surveys). Each period is a few aggregate queries
 * over index ranges of the ticket facts and the clocks — never every ticket in memory.
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
			Double firstResponseP90Minutes, Double resolutionMedianMinutes, Double resolutionP90Minutes,
			List<TierTime> tierTimes, Double swarmResolutionMedianMinutes, Double tieredResolutionMedianMinutes,
			Double slaAttainment, long slaBreaches, Double olaAttainment, long olaBreaches, Double satisfaction,
			long satisfactionAnswers, Double reachedTier2, Double reachedTier3, Double reachedTier4) {

		Row withSlice(String name) {
			return new Row(period, name, opened, resolved, closed, backlog, firstContactResolution, tier1Resolution,
					escalationRate, pingPongs, reopenRate, acceptanceRate, firstResponseMedianMinutes,
					firstResponseP90Minutes, resolutionMedianMinutes, resolutionP90Minutes, tierTimes,
					swarmResolutionMedianMinutes, tieredResolutionMedianMinutes, slaAttainment, slaBreaches,
					olaAttainment, olaBreaches, satisfaction, satisfactionAnswers, reachedTier2, reachedTier3,
					reachedTier4);
		}

		/** The time a tier held the work of the tickets resolved in the period (business time, minutes). */
		public Double tierMedianMinutes(int tier) {
			return tierTimes.stream().filter(t -> t.tier() == tier).map(TierTime::medianMinutes).findFirst().orElse(null);
		}
	}

	/** How long a tier held the work of the tickets resolved in a period: median and 90th percentile. */
	public record TierTime(int tier, long tickets, Double medianMinutes, Double p90Minutes) {
	}

	/**
	 * What the desk did in a period beyond its tickets: Tier 0 deflection and article views, live chats and how many
	 * were answered within the target, live contacts handled and their handle time, surveys offered and answered.
	 */
	public record DeskRow(LocalDate period, long deflected, long articleViews, long chats, Double chatsAnsweredInTarget,
			long contacts, Double handleTimeMinutes, long surveysOffered, Double surveyResponseRate) {
	}

	public record Report(String program, ZoneId zone, LocalDate from, LocalDate to, Period period, Slice by,
			List<Row> rows, List<DeskRow> desk) {
	}

	/** The answer target for live chats (seconds) the chat metric counts against. */
	static final int CHAT_ANSWER_SECONDS = 20;


	private final JdbcClient jdbc;

	private final Programs programs;

	private final org.tierdesk.identity.Accounts accounts;

	private final org.tierdesk.directory.SupportGroups groups;

	private final Clock clock;

	private final org.tierdesk.sla.ServiceLevels serviceLevels;

	private final org.tierdesk.knowledge.Deflection deflection;

	private final org.tierdesk.intake.HandleTimes handleTimes;

	private final org.tierdesk.satisfaction.Surveys surveys;

	Metrics(JdbcClient jdbc, Programs programs, org.tierdesk.identity.Accounts accounts,
			org.tierdesk.directory.SupportGroups groups, Clock clock, org.tierdesk.sla.ServiceLevels serviceLevels,
			org.tierdesk.knowledge.Deflection deflection, org.tierdesk.intake.HandleTimes handleTimes,
			org.tierdesk.satisfaction.Surveys surveys) {
		this.serviceLevels = serviceLevels;
		this.deflection = deflection;
		this.handleTimes = handleTimes;
		this.surveys = surveys;
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
		return report(program, from, to, p, slice);
	}

	/** The metrics of a program the caller has already been allowed to read. */
	Report report(Program program, LocalDate from, LocalDate to, Period p, Slice slice) {
		ZoneId zone = program.timeZone();
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		DateRange range = DateRange.checked(from, to, today, p == Period.DAY ? 14 : p == Period.WEEK ? 84 : 365);
		LocalDate start = range.start();
		LocalDate end = range.end();
		List<Row> rows = new ArrayList<>();
		List<DeskRow> desk = new ArrayList<>();
		for (LocalDate b = first(start, p); b.isBefore(end); b = next(b, p)) {
			Instant lo = b.atStartOfDay(zone).toInstant();
			Instant hi = next(b, p).atStartOfDay(zone).toInstant();
			rows.addAll(period(program.id(), b, lo, hi, slice));
			desk.add(desk(program.id(), b, lo, hi));
		}
		return new Report(program.key(), zone, start, end, p, slice, named(program.id(), slice, rows), desk);
	}

	private DeskRow desk(long programId, LocalDate label, Instant lo, Instant hi) {
		var chats = handleTimes.chatAnswering(programId, lo, hi, CHAT_ANSWER_SECONDS);
		var handled = handleTimes.of(programId, lo, hi);
		var satisfaction = surveys.summary(programId, lo, hi);
		return new DeskRow(label, deflection.deflected(programId, lo, hi), deflection.views(programId, lo, hi),
				chats.chats(), chats.withinTargetShare(), handled.contacts(),
				handled.contacts() == 0 ? null : Math.round(handled.averageSeconds() / 6.0) / 10.0,
				satisfaction.offered(), satisfaction.responseRate());
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
				  sum(case when closed_at >= :lo and closed_at < :hi and accepted is not null then 1 else 0 end) as answered,
				  sum(case when closed_at >= :lo and closed_at < :hi and satisfaction is not null then satisfaction else 0 end)
				    as satisfaction_sum,
				  sum(case when closed_at >= :lo and closed_at < :hi and satisfaction is not null then 1 else 0 end)
				    as satisfaction_n,
				  sum(case when opened_at >= :lo and opened_at < :hi and max_tier >= 2 then 1 else 0 end) as tier2,
				  sum(case when opened_at >= :lo and opened_at < :hi and max_tier >= 3 then 1 else 0 end) as tier3,
				  sum(case when opened_at >= :lo and opened_at < :hi and max_tier >= 4 then 1 else 0 end) as tier4
				from reporting_ticket_fact
				where program_id = :program and opened_at < :hi
				  and (opened_at >= :lo or closed_at is null or closed_at >= :lo or resolved_at >= :lo)
				group by %1$s""".formatted(dim);
		Map<String, long[]> counts = new LinkedHashMap<>();
		jdbc.sql(sql).param("program", programId).param("lo", lo.atOffset(ZoneOffset.UTC))
			.param("hi", hi.atOffset(ZoneOffset.UTC))
			.query((rs, i) -> {
				long[] c = new long[16];
				for (int k = 0; k < c.length; k++) {
					c[k] = rs.getLong(k + 2);
				}
				counts.put(rs.getString(1), c);
				return null;
			}).list();
		Map<String, Times> times = times(programId, lo, hi, dim);
		Map<String, long[]> clocks = clockOutcomes(programId, lo, hi, slice);
		List<Row> rows = new ArrayList<>();
		java.util.Set<String> keys = new java.util.LinkedHashSet<>(counts.keySet());
		keys.addAll(clocks.keySet());
		for (String key : keys) {
			long[] c = counts.getOrDefault(key, new long[16]);
			long[] o = clocks.getOrDefault(key, new long[4]);
			if (slice != null && c[0] + c[1] + c[2] + c[3] + o[0] + o[1] + o[2] + o[3] == 0) {
				continue;
			}
			Times t = times.getOrDefault(key, new Times());
			rows.add(new Row(label, key, c[0], c[1], c[2], c[3], share(c[4], c[1]), share(c[5], c[1]),
					share(c[6], c[0]), c[7], share(c[8], c[1]), share(c[9], c[10]), t.median(t.firstResponse),
					t.p90(t.firstResponse), t.median(t.resolution), t.p90(t.resolution), t.tiers(),
					t.median(t.swarm), t.median(t.tiered), share(o[0], o[0] + o[1]), o[1], share(o[2], o[2] + o[3]),
					o[3], c[12] == 0 ? null : Math.round(c[11] * 100.0 / c[12]) / 100.0, c[12], share(c[13], c[0]),
					share(c[14], c[0]), share(c[15], c[0])));
		}
		if (rows.isEmpty() && slice == null) {
			rows.add(new Row(label, null, 0, 0, 0, 0, null, null, null, 0, null, null, null, null, null, null, List.of(),
					null, null, null, 0, null, 0, null, 0, null, null, null));
		}
		return rows;
	}

	/**
	 * SLA clocks (first response, next update, resolution) and OLA clocks (a tier's assignment) decided in the period:
	 * per slice, {SLA met, SLA breached, OLA met, OLA breached}.
	 */
	private Map<String, long[]> clockOutcomes(long programId, Instant lo, Instant hi, Slice slice) {
		List<org.tierdesk.sla.ServiceLevels.Outcome> outcomes = serviceLevels.outcomes(programId, lo, hi);
		Map<Long, String> sliceOf = slice == null ? Map.of() : sliceOf(outcomes.stream()
			.map(org.tierdesk.sla.ServiceLevels.Outcome::ticketId).distinct().toList(), slice);
		Map<String, long[]> out = new LinkedHashMap<>();
		for (var o : outcomes) {
			String key = slice == null ? null : sliceOf.get(o.ticketId());
			long[] c = out.computeIfAbsent(key, k -> new long[4]);
			int base = o.kind() == org.tierdesk.sla.ClockKind.TIER ? 2 : 0;
			c[base + (o.met() ? 0 : 1)]++;
		}
		return out;
	}

	/** The slice value of each ticket, from its facts. */
	private Map<Long, String> sliceOf(List<Long> ticketIds, Slice slice) {
		Map<Long, String> out = new java.util.HashMap<>();
		for (int i = 0; i < ticketIds.size(); i += 500) {
			jdbc.sql("select ticket_id, cast(" + slice.column + " as varchar(200)) as slice from reporting_ticket_fact "
					+ "where ticket_id in (:ids)")
				.param("ids", ticketIds.subList(i, Math.min(ticketIds.size(), i + 500)))
				.query((rs, n) -> out.put(rs.getLong(1), rs.getString(2))).list();
		}
		return out;
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
				: r.withSlice(names.get(r.slice()))).toList();
	}

	/** Business times of one slice in a period, in seconds, to take percentiles of. */
	private static final class Times {

		final List<Long> firstResponse = new ArrayList<>();

		final List<Long> resolution = new ArrayList<>();

		final List<Long> swarm = new ArrayList<>();

		final List<Long> tiered = new ArrayList<>();

		final Map<Integer, List<Long>> tiers = new java.util.TreeMap<>();

		Double median(List<Long> values) {
			return minutes(percentile(values.stream().sorted().toList(), 0.5));
		}

		Double p90(List<Long> values) {
			return minutes(percentile(values.stream().sorted().toList(), 0.9));
		}

		List<TierTime> tiers() {
			return tiers.entrySet().stream()
				.map(e -> new TierTime(e.getKey(), e.getValue().size(), median(e.getValue()), p90(e.getValue())))
				.toList();
		}
	}

	/**
	 * Business time to first response (tickets opened in the period), to resolution and per tier (tickets resolved
	 * in it), and the resolution time of swarmed tickets against those escalated tier by tier.
	 */
	private Map<String, Times> times(long programId, Instant lo, Instant hi, String dim) {
		Map<String, Times> out = new LinkedHashMap<>();
		jdbc.sql("""
				select %s as slice, first_response_bs from reporting_ticket_fact
				where program_id = :program and opened_at >= :lo and opened_at < :hi and first_response_bs is not null"""
			.formatted(dim))
			.param("program", programId).param("lo", lo.atOffset(ZoneOffset.UTC)).param("hi", hi.atOffset(ZoneOffset.UTC))
			.query((rs, i) -> out.computeIfAbsent(rs.getString(1), k -> new Times()).firstResponse.add(rs.getLong(2)))
			.list();
		jdbc.sql("""
				select %s as slice, resolution_bs, tier1_bs, tier2_bs, tier3_bs, tier4_bs, swarmed_at, escalations
				from reporting_ticket_fact
				where program_id = :program and resolved_at >= :lo and resolved_at < :hi and resolution_bs is not null"""
			.formatted(dim))
			.param("program", programId).param("lo", lo.atOffset(ZoneOffset.UTC)).param("hi", hi.atOffset(ZoneOffset.UTC))
			.query((rs, i) -> {
				Times t = out.computeIfAbsent(rs.getString(1), k -> new Times());
				long resolution = rs.getLong(2);
				t.resolution.add(resolution);
				for (int tier = 1; tier <= 4; tier++) {
					long seconds = rs.getLong(2 + tier);
					if (!rs.wasNull()) {
						t.tiers.computeIfAbsent(tier, k -> new ArrayList<>()).add(seconds);
					}
				}
				if (rs.getObject(7) != null) {
					t.swarm.add(resolution);
				}
				else if (rs.getInt(8) > 0) {
					t.tiered.add(resolution);
				}
				return null;
			}).list();
		return out;
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
