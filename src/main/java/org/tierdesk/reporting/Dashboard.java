package org.tierdesk.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPrincipal;

/**
 * Everything the dashboard draws, in one read: the metrics over the last periods (volume trend, SLA and OLA
 * attainment), the goals board, the backlog by age, arrivals by hour of the week, the tier flow, and the staffing
 * forecast against the roster. The same data feeds the page, its JSON and its CSV.
 */
@Service
public class Dashboard {

	/** Open tickets by how long they have been open. */
	public record AgeBucket(String label, long tickets) {
	}

	public record View(String program, Metrics.Report metrics, Goals.Board goals, List<AgeBucket> ageing,
			int[][] arrivals, List<TierFlow.Step> tierFlow, StaffingForecast.Forecast staffing) {
	}

	static final List<String> AGE_LABELS = List.of("under 1 day", "1-3 days", "3-7 days", "7-30 days", "over 30 days");

	private final JdbcClient jdbc;

	private final Programs programs;

	private final Metrics metrics;

	private final Goals goals;

	private final StaffingForecast staffing;

	private final Clock clock;

	Dashboard(JdbcClient jdbc, Programs programs, Metrics metrics, Goals goals, StaffingForecast staffing, Clock clock) {
		this.jdbc = jdbc;
		this.programs = programs;
		this.metrics = metrics;
		this.goals = goals;
		this.staffing = staffing;
		this.clock = clock;
	}

	public View view(DeskPrincipal me, String programKey, String period) {
		Metrics.Report report = metrics.report(me, programKey, null, null, period == null ? "WEEK" : period, null);
		Program program = programs.forStaff(me, programKey, "only the program's desk staff read its dashboard");
		Instant from = report.from().atStartOfDay(program.timeZone()).toInstant();
		Instant to = report.to().atStartOfDay(program.timeZone()).toInstant();
		return new View(program.key(), report, goals.board(program, report, Goals.DEFAULT_PERIODS),
				ageing(program.id(), clock.instant()),
				arrivals(program, from, to), tierFlow(program.id(), from, to), staffing.forecast(me, programKey, null));
	}

	/** The tickets not yet closed (nor cancelled) at {@code at}, by age. */
	List<AgeBucket> ageing(long programId, Instant at) {
		OffsetDateTime now = at.atOffset(ZoneOffset.UTC);
		long[] counts = jdbc.sql("""
				select
				  sum(case when opened_at > :d1 then 1 else 0 end),
				  sum(case when opened_at <= :d1 and opened_at > :d3 then 1 else 0 end),
				  sum(case when opened_at <= :d3 and opened_at > :d7 then 1 else 0 end),
				  sum(case when opened_at <= :d7 and opened_at > :d30 then 1 else 0 end),
				  sum(case when opened_at <= :d30 then 1 else 0 end)
				from reporting_ticket_fact
				where program_id = :program and closed_at is null and cancelled_at is null and opened_at <= :now""")
			.param("program", programId).param("now", now).param("d1", now.minus(Duration.ofDays(1)))
			.param("d3", now.minus(Duration.ofDays(3))).param("d7", now.minus(Duration.ofDays(7)))
			.param("d30", now.minus(Duration.ofDays(30)))
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) })
			.single();
		List<AgeBucket> out = new java.util.ArrayList<>();
		for (int i = 0; i < AGE_LABELS.size(); i++) {
			out.add(new AgeBucket(AGE_LABELS.get(i), counts[i]));
		}
		return out;
	}

	/** Tickets opened in [from, to) by weekday (Monday first) and hour, in the program's zone. */
	int[][] arrivals(Program program, Instant from, Instant to) {
		int[][] counts = new int[7][24];
		jdbc.sql("select opened_at from reporting_ticket_fact where program_id = :program and opened_at >= :from "
				+ "and opened_at < :to")
			.param("program", program.id()).param("from", from.atOffset(ZoneOffset.UTC))
			.param("to", to.atOffset(ZoneOffset.UTC))
			.query((rs, i) -> {
				ZonedDateTime local = rs.getObject(1, OffsetDateTime.class).atZoneSameInstant(program.timeZone());
				counts[local.getDayOfWeek().getValue() - 1][local.getHour()]++;
				return null;
			}).list();
		return counts;
	}

	/** The steps between tiers of the tickets opened in [from, to). */
	List<TierFlow.Step> tierFlow(long programId, Instant from, Instant to) {
		Map<String, Long> paths = new LinkedHashMap<>();
		jdbc.sql("select tier_path, count(*) from reporting_ticket_fact where program_id = :program "
				+ "and opened_at >= :from and opened_at < :to and tier_path is not null group by tier_path")
			.param("program", programId).param("from", from.atOffset(ZoneOffset.UTC))
			.param("to", to.atOffset(ZoneOffset.UTC))
			.query((rs, i) -> paths.put(rs.getString(1), rs.getLong(2))).list();
		return TierFlow.steps(paths);
	}
}
