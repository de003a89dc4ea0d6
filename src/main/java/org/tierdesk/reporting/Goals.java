package org.tierdesk.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.NotFoundException;

/**
 * A program's goals — a target per metric, set by its managers ("first-contact resolution at least 70 %") — and the
 * board that holds each metric to its target over the last periods, with its trend and a drift flag.
 */
@Service
public class Goals {

	/** A metric's value in one period. */
	public record PeriodValue(LocalDate period, Double value) {
	}

	/** One goal on the board. */
	public record GoalView(GoalMetric metric, double target, boolean higherIsBetter, Double latest,
			List<PeriodValue> values, String status, String direction, boolean drifting, String why) {
	}

	public record Board(String program, Metrics.Period period, List<GoalView> goals) {
	}

	static final int DEFAULT_PERIODS = 8;

	private final JdbcClient jdbc;

	private final Programs programs;

	private final Metrics metrics;

	private final Clock clock;

	Goals(JdbcClient jdbc, Programs programs, Metrics metrics, Clock clock) {
		this.jdbc = jdbc;
		this.programs = programs;
		this.metrics = metrics;
		this.clock = clock;
	}

	/** Sets (or changes) the program's target on a metric: managers only. */
	@Transactional
	public GoalView set(DeskPrincipal me, String programKey, String metricName, Double target) {
		Program program = programs.forManagers(me, programKey, "only the program's managers set its goals");
		GoalMetric metric = metric(metricName);
		if (target == null || target.isNaN() || target.isInfinite()) {
			throw new InvalidFieldException("target", "give the target as a number");
		}
		if (target < metric.min || target > metric.max) {
			throw new InvalidFieldException("target", metric + " is " + range(metric) + "; " + target + " is outside");
		}
		int changed = jdbc.sql("update reporting_goal set target = :target, set_by = :by, set_at = :at "
				+ "where program_id = :program and metric = :metric")
			.param("target", target).param("by", me.accountId()).param("at", clock.instant().atOffset(ZoneOffset.UTC))
			.param("program", program.id()).param("metric", metric.name()).update();
		if (changed == 0) {
			jdbc.sql("insert into reporting_goal (program_id, metric, target, set_by, set_at) "
					+ "values (:program, :metric, :target, :by, :at)")
				.param("target", target).param("by", me.accountId())
				.param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("program", program.id())
				.param("metric", metric.name()).update();
		}
		return board(program, Metrics.Period.WEEK, DEFAULT_PERIODS).goals().stream()
			.filter(g -> g.metric() == metric).findFirst().orElseThrow();
	}

	@Transactional
	public void remove(DeskPrincipal me, String programKey, String metricName) {
		Program program = programs.forManagers(me, programKey, "only the program's managers set its goals");
		GoalMetric metric = metric(metricName);
		if (jdbc.sql("delete from reporting_goal where program_id = :program and metric = :metric")
			.param("program", program.id()).param("metric", metric.name()).update() == 0) {
			throw new NotFoundException("no goal on " + metric + " in " + program.key());
		}
	}

	/** The goals of a program held to the last {@code periods} periods (the current one included). */
	public Board board(DeskPrincipal me, String programKey, String period, Integer periods) {
		Program program = programs.forStaff(me, programKey, "only the program's desk staff read its goals");
		Metrics.Period p;
		try {
			p = Metrics.Period.valueOf((period == null ? "WEEK" : period).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldException("period", "no period " + period + "; one of DAY, WEEK, MONTH");
		}
		int n = periods == null ? DEFAULT_PERIODS : periods;
		if (n < 2 || n > 52) {
			throw new InvalidFieldException("periods", "between 2 and 52 periods, not " + n);
		}
		return board(program, p, n);
	}

	Board board(Program program, Metrics.Period p, int n) {
		Map<GoalMetric, Double> targets = targets(program);
		if (targets.isEmpty()) {
			return new Board(program.key(), p, List.of());
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), program.timeZone());
		LocalDate from = switch (p) {
			case DAY -> today.minusDays(n - 1L);
			case WEEK -> today.minusWeeks(n - 1L);
			case MONTH -> today.minusMonths(n - 1L);
		};
		return board(program, metrics.report(program, from, today.plusDays(1), p, null), n, targets);
	}

	/** The board over the last {@code n} periods of a report already made (unsliced), as the dashboard has one. */
	Board board(Program program, Metrics.Report report, int n) {
		return board(program, report, n, targets(program));
	}

	private Board board(Program program, Metrics.Report report, int n, Map<GoalMetric, Double> targets) {
		int size = report.rows().size();
		int first = Math.max(0, size - n);
		List<GoalView> out = new ArrayList<>();
		targets.forEach((metric, target) -> {
			List<PeriodValue> values = new ArrayList<>();
			for (int i = first; i < size; i++) {
				Metrics.Row row = report.rows().get(i);
				values.add(new PeriodValue(row.period(), metric.of(new GoalMetric.Values(row, report.desk().get(i)))));
			}
			GoalTrend trend = GoalTrend.of(metric, target, values.stream().map(PeriodValue::value).toList());
			Double latest = values.isEmpty() ? null : values.get(values.size() - 1).value();
			out.add(new GoalView(metric, target, metric.higherIsBetter, latest, values, trend.status().name(),
					trend.direction().name(), trend.drifting(), trend.why()));
		});
		return new Board(program.key(), report.period(), out);
	}

	private Map<GoalMetric, Double> targets(Program program) {
		Map<GoalMetric, Double> targets = new LinkedHashMap<>();
		jdbc.sql("select metric, target from reporting_goal where program_id = :program order by metric")
			.param("program", program.id())
			.query((rs, i) -> {
				try {
					targets.put(GoalMetric.valueOf(rs.getString(1)), rs.getDouble(2));
				}
				catch (IllegalArgumentException retiredMetric) {
					// a metric no longer offered keeps its row but leaves the board
				}
				return null;
			}).list();
		return targets;
	}

	private static GoalMetric metric(String name) {
		try {
			return GoalMetric.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldException("metric", "no metric " + name + "; one of "
					+ java.util.Arrays.toString(GoalMetric.values()));
		}
	}

	private static String range(GoalMetric m) {
		if (m.max == 1) {
			return "a share from 0 to 1 (0.7 for 70 %)";
		}
		if (m.max == 5) {
			return "a score from 1 to 5";
		}
		return "a number of at least 0";
	}
}
