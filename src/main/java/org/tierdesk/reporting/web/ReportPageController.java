package org.tierdesk.reporting.web;

import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tierdesk.program.Programs;
import org.tierdesk.reporting.Charts;
import org.tierdesk.reporting.Dashboard;
import org.tierdesk.reporting.Goals;
import org.tierdesk.reporting.Metrics;
import org.tierdesk.reporting.StaffingForecast;
import org.tierdesk.system.DeskPage;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;

/**
 * The desk's dashboard: the goals with their trend, the volume trend (opened, resolved, backlog), SLA/OLA attainment
 * and first-contact resolution, the backlog by age, arrivals by hour of the week, the tier flow, and the staffing
 * forecast against the roster — each chart with its numbers in a table one click away.
 */
@DeskPage
@Controller
class ReportPageController {

	private final Dashboard dashboard;

	private final Programs programs;

	ReportPageController(Dashboard dashboard, Programs programs) {
		this.dashboard = dashboard;
		this.programs = programs;
	}

	@GetMapping("/console/reports")
	String dashboard(@AuthenticationPrincipal DeskPrincipal me, @RequestParam(required = false) String program,
			@RequestParam(required = false) String period, Locale locale, Model model) {
		if (!me.isStaff()) {
			throw new ForbiddenException("the console is for desk staff");
		}
		Programs.Choice choice = programs.staffChoice(me, program);
		String key = choice.key();
		model.addAttribute("me", me);
		model.addAttribute("programs", choice.programs());
		model.addAttribute("program", key);
		if (key == null) {
			return "reporting/dashboard";
		}
		Dashboard.View view = dashboard.view(me, key, period == null ? "WEEK" : period);
		Metrics.Report report = view.metrics();
		List<Metrics.Row> rows = report.rows();
		List<String> labels = rows.stream().map(r -> report.period() == Metrics.Period.MONTH
				? r.period().toString().substring(0, 7) : r.period().toString().substring(5)).toList();
		model.addAttribute("report", report);
		model.addAttribute("view", view);
		model.addAttribute("volumes", Charts.lines(labels,
				List.of("opened", "resolved", "backlog"), List.of("line-opened", "line-resolved", "line-backlog"),
				List.of(rows.stream().mapToLong(Metrics.Row::opened).toArray(),
						rows.stream().mapToLong(Metrics.Row::resolved).toArray(),
						rows.stream().mapToLong(Metrics.Row::backlog).toArray())));
		model.addAttribute("attainment", Charts.shares(labels, List.of("sla", "ola", "fcr"),
				List.of("line-resolved", "line-opened", "line-fcr"),
				List.of(rows.stream().map(Metrics.Row::slaAttainment).toArray(Double[]::new),
						rows.stream().map(Metrics.Row::olaAttainment).toArray(Double[]::new),
						rows.stream().map(Metrics.Row::firstContactResolution).toArray(Double[]::new))));
		model.addAttribute("ageing", Charts.bars(view.ageing().stream().map(Dashboard.AgeBucket::label).toList(),
				view.ageing().stream().mapToLong(Dashboard.AgeBucket::tickets).toArray()));
		int[][] arrivals = view.arrivals();
		int most = java.util.Arrays.stream(arrivals).flatMapToInt(java.util.Arrays::stream).max().orElse(0);
		int[][] arrivalLevel = new int[7][24];
		String[][] arrivalTitles = new String[7][24];
		for (int d = 0; d < 7; d++) {
			for (int h = 0; h < 24; h++) {
				int n = arrivals[d][h];
				arrivalLevel[d][h] = n == 0 ? 0 : 1 + Math.min(3, 4 * n / Math.max(1, most + 1));
				arrivalTitles[d][h] = String.format(Locale.ROOT, "%s %02d:00 — %d",
						java.time.DayOfWeek.of(d + 1).getDisplayName(TextStyle.SHORT, locale), h, n);
			}
		}
		List<String> dayNames = java.util.Arrays.stream(java.time.DayOfWeek.values())
			.map(d -> d.getDisplayName(TextStyle.SHORT, locale)).toList();
		model.addAttribute("arrivals", Charts.week(arrivalLevel, arrivalTitles, dayNames));
		model.addAttribute("arrivalCounts", arrivals);
		model.addAttribute("dayNames", dayNames);
		model.addAttribute("flow", Charts.flow(view.tierFlow(), List.of("Tier 1", "Tier 2", "Tier 3", "Tier 4")));
		model.addAttribute("sparklines", view.goals().goals().stream()
			.map(g -> Charts.sparkline(g.values().stream().map(Goals.PeriodValue::value).toList(), g.target()))
			.toList());
		StaffingForecast.Forecast forecast = view.staffing();
		int[][] level = new int[7][24];
		String[][] titles = new String[7][24];
		for (StaffingForecast.Hour h : forecast.hours()) {
			int d = h.day().getValue() - 1;
			level[d][h.hour()] = h.scheduled() == 0 && h.roster() == 0 ? 0 : h.shortfall() == 0 ? 1
					: h.shortfall() <= 2 ? 2 : 3;
			titles[d][h.hour()] = String.format(Locale.ROOT, "%s %02d:00 — %.1f contacts an hour, %d to schedule, %d rostered",
					h.day().getDisplayName(TextStyle.SHORT, locale), h.hour(), h.arrivalsPerHour(), h.scheduled(),
					h.roster());
		}
		model.addAttribute("forecast", forecast);
		model.addAttribute("heat", Charts.week(level, titles, dayNames));
		model.addAttribute("cellWidth", Charts.cellWidth());
		model.addAttribute("cellHeight", Charts.cellHeight());
		model.addAttribute("chartWidth", Charts.WIDTH);
		model.addAttribute("chartHeight", Charts.HEIGHT);
		return "reporting/dashboard";
	}
}
