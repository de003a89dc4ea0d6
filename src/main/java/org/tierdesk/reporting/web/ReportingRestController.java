package org.tierdesk.reporting.web;

import java.util.Set;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tierdesk.reporting.StaffingForecast;
import org.tierdesk.reporting.StaffingForecast.Forecast;
import org.tierdesk.system.DeskPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Reports", description = "Metrics, goals and the staffing forecast")
class ReportingRestController {

	private final StaffingForecast staffing;

	private final org.tierdesk.reporting.Metrics metrics;

	private final org.tierdesk.reporting.Goals goals;

	private final org.tierdesk.reporting.Dashboard dashboard;

	ReportingRestController(StaffingForecast staffing, org.tierdesk.reporting.Metrics metrics,
			org.tierdesk.reporting.Goals goals, org.tierdesk.reporting.Dashboard dashboard) {
		this.dashboard = dashboard;
		this.staffing = staffing;
		this.metrics = metrics;
		this.goals = goals;
	}

	record GoalForm(Double target) {
	}

	@GetMapping("/api/v1/programs/{key}/dashboard")
	@Operation(summary = "Every chart's data: metrics over the last periods, goals, backlog by age, arrivals by weekday "
			+ "and hour, tier flow, staffing forecast against the roster")
	org.tierdesk.reporting.Dashboard.View dashboard(@PathVariable String key,
			@RequestParam(required = false) String period, @AuthenticationPrincipal DeskPrincipal me) {
		return dashboard.view(me, key, period);
	}

	@GetMapping(path = "/api/v1/programs/{key}/dashboard.csv", produces = "text/csv")
	@Operation(summary = "Every chart's data as CSV, a section per chart")
	org.springframework.http.ResponseEntity<String> dashboardCsv(@PathVariable String key,
			@RequestParam(required = false) String period, @AuthenticationPrincipal DeskPrincipal me) {
		return csv("dashboard-" + key, org.tierdesk.reporting.ReportCsv.dashboard(dashboard.view(me, key, period)));
	}

	static org.springframework.http.ResponseEntity<String> csv(String name, String body) {
		return org.springframework.http.ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9_-]", "") + ".csv\"")
			.contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.body(body);
	}

	@GetMapping("/api/v1/programs/{key}/goals")
	@Operation(summary = "The program's goals: each metric against its target over the last periods, with its trend "
			+ "and a drift flag")
	org.tierdesk.reporting.Goals.Board goals(@PathVariable String key, @RequestParam(required = false) String period,
			@RequestParam(required = false) Integer periods, @AuthenticationPrincipal DeskPrincipal me) {
		return goals.board(me, key, period, periods);
	}

	@org.springframework.web.bind.annotation.PutMapping("/api/v1/programs/{key}/goals/{metric}")
	@Operation(summary = "Set the program's target on a metric (managers): shares 0..1, satisfaction 1..5, minutes")
	org.tierdesk.reporting.Goals.GoalView setGoal(@PathVariable String key, @PathVariable String metric,
			@org.springframework.web.bind.annotation.RequestBody GoalForm form, @AuthenticationPrincipal DeskPrincipal me) {
		return goals.set(me, key, metric, form.target());
	}

	@org.springframework.web.bind.annotation.DeleteMapping("/api/v1/programs/{key}/goals/{metric}")
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
	@Operation(summary = "Drop the program's target on a metric (managers)")
	void removeGoal(@PathVariable String key, @PathVariable String metric, @AuthenticationPrincipal DeskPrincipal me) {
		goals.remove(me, key, metric);
	}

	@GetMapping(path = "/api/v1/programs/{key}/metrics.csv", produces = "text/csv")
	@Operation(summary = "The metrics as CSV (formula-like cells neutralised)")
	org.springframework.http.ResponseEntity<String> metricsCsv(@PathVariable String key,
			@RequestParam(required = false) java.time.LocalDate from,
			@RequestParam(required = false) java.time.LocalDate to, @RequestParam(required = false) String period,
			@RequestParam(required = false) String by, @AuthenticationPrincipal DeskPrincipal me) {
		return org.springframework.http.ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"metrics-" + key.replaceAll("[^A-Za-z0-9_-]", "")
					+ ".csv\"")
			.contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.body(org.tierdesk.reporting.ReportCsv.metrics(metrics.report(me, key, from, to, period, by)));
	}

	@GetMapping("/api/v1/programs/{key}/metrics")
	@Operation(summary = "Volumes, backlog, first-contact and Tier 1 resolution, escalation, ping-pong, reopen and "
			+ "acceptance rates, first response and resolution times, per DAY, WEEK or MONTH, optionally by CHANNEL, "
			+ "KIND, PRIORITY, CATEGORY, SYSTEM, SITE, ORGANIZATION, TIER, GROUP or AGENT")
	org.tierdesk.reporting.Metrics.Report metrics(@PathVariable String key,
			@RequestParam(required = false) java.time.LocalDate from,
			@RequestParam(required = false) java.time.LocalDate to, @RequestParam(required = false) String period,
			@RequestParam(required = false) String by, @AuthenticationPrincipal DeskPrincipal me) {
		return metrics.report(me, key, from, to, period, by);
	}

	@GetMapping("/api/v1/programs/{key}/staffing")
	@Operation(summary = "Erlang C: Tier 1 agents needed per hour of the week, from measured arrivals and handle "
			+ "times, beside the roster")
	Forecast staffing(@PathVariable String key, @RequestParam(required = false) Integer weeks,
			@RequestParam(required = false) Double targetShare,
			@RequestParam(required = false) Integer answerWithinSeconds,
			@RequestParam(required = false) Double maxOccupancy, @RequestParam(required = false) Double shrinkage,
			@RequestParam(required = false) Set<String> channels, @AuthenticationPrincipal DeskPrincipal me) {
		return staffing.forecast(me, key, new StaffingForecast.Settings(weeks, targetShare, answerWithinSeconds,
				maxOccupancy, shrinkage, channels));
	}
}
