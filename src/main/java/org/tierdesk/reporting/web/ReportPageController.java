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
import org.tierdesk.reporting.Metrics;
import org.tierdesk.reporting.StaffingForecast;
import org.tierdesk.system.DeskPage;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;

/**
 * The desk's dashboard: the volume trend (opened, resolved, backlog) over the last periods and the staffing forecast
 * against the roster as a heat map of the week, each with its numbers in a table one click away.
 */
@DeskPage
@Controller
class ReportPageController {

	private final Metrics metrics;

	private final StaffingForecast staffing;

	private final Programs programs;

	ReportPageController(Metrics metrics, StaffingForecast staffing, Programs programs) {
		this.metrics = metrics;
		this.staffing = staffing;
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
		Metrics.Report report = metrics.report(me, key, null, null, period == null ? "WEEK" : period, null);
		List<Metrics.Row> rows = report.rows();
		model.addAttribute("report", report);
		model.addAttribute("volumes", Charts.lines(rows.stream().map(r -> r.period().toString()).toList(),
				List.of("opened", "resolved", "backlog"), List.of("line-opened", "line-resolved", "line-backlog"),
				List.of(rows.stream().mapToLong(Metrics.Row::opened).toArray(),
						rows.stream().mapToLong(Metrics.Row::resolved).toArray(),
						rows.stream().mapToLong(Metrics.Row::backlog).toArray())));
		StaffingForecast.Forecast forecast = staffing.forecast(me, key, null);
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
		model.addAttribute("heat", Charts.week(level, titles, java.util.Arrays.stream(java.time.DayOfWeek.values())
			.map(d -> d.getDisplayName(TextStyle.SHORT, locale)).toList()));
		model.addAttribute("cellWidth", Charts.cellWidth());
		model.addAttribute("cellHeight", Charts.cellHeight());
		model.addAttribute("chartWidth", Charts.WIDTH);
		model.addAttribute("chartHeight", Charts.HEIGHT);
		return "reporting/dashboard";
	}
}
