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

	private final org.tierdesk.reporting.PeriodicReports periodic;

	private final org.tierdesk.reporting.ReportRuns runs;

	private final org.tierdesk.reporting.ReportSchedules schedules;

	ReportingRestController(StaffingForecast staffing, org.tierdesk.reporting.Metrics metrics,
			org.tierdesk.reporting.Goals goals, org.tierdesk.reporting.Dashboard dashboard,
			org.tierdesk.reporting.PeriodicReports periodic, org.tierdesk.reporting.ReportRuns runs,
			org.tierdesk.reporting.ReportSchedules schedules) {
		this.periodic = periodic;
		this.runs = runs;
		this.schedules = schedules;
		this.dashboard = dashboard;
		this.staffing = staffing;
		this.metrics = metrics;
		this.goals = goals;
	}

	record GoalForm(Double target) {
	}

	record RunRequest(java.util.List<String> reports, java.time.LocalDate from, java.time.LocalDate to, String format) {
	}

	@GetMapping("/api/v1/programs/{key}/reports/{report}")
	@Operation(summary = "One periodic report as tables: TROUBLE_CALLS, SITE_STATUS, DEFICIENCY_REPORTS, "
			+ "ADVISORY_NOTICES, RELEASES, LESSONS_LEARNED, FIX_FEEDBACK, SERVICE_LEVELS, SATISFACTION")
	org.tierdesk.reporting.PeriodicReports.Report report(@PathVariable String key, @PathVariable String report,
			@RequestParam(required = false) java.time.LocalDate from,
			@RequestParam(required = false) java.time.LocalDate to, @AuthenticationPrincipal DeskPrincipal me) {
		return periodic.run(me, key, org.tierdesk.reporting.PeriodicReports.kinds(java.util.List.of(report)), from, to,
				n -> {
				}).get(0);
	}

	@org.springframework.web.bind.annotation.PostMapping("/api/v1/programs/{key}/report-runs")
	@Operation(summary = "Make a report file (PDF or CSV) of one or more reports (all when none named)",
			description = "Answers 201 with the finished run when it took under a second, else 202 with the run to "
					+ "poll (its Location); GET …/file downloads it when DONE.")
	org.springframework.http.ResponseEntity<org.tierdesk.reporting.ReportRuns.Run> startRun(@PathVariable String key,
			@org.springframework.web.bind.annotation.RequestBody RunRequest r, @AuthenticationPrincipal DeskPrincipal me) {
		org.tierdesk.reporting.ReportRuns.Run run = runs.await(me,
				runs.start(me, key, r.reports(), r.from(), r.to(), r.format()).id(), java.time.Duration.ofSeconds(1));
		return org.springframework.http.ResponseEntity
			.status(run.finished() ? org.springframework.http.HttpStatus.CREATED
					: org.springframework.http.HttpStatus.ACCEPTED)
			.location(java.net.URI.create("/api/v1/report-runs/" + run.id())).body(run);
	}

	@GetMapping("/api/v1/report-runs/{id}")
	@Operation(summary = "A report run I asked for: RUNNING (done of total), DONE or FAILED")
	org.tierdesk.reporting.ReportRuns.Run run(@PathVariable String id, @AuthenticationPrincipal DeskPrincipal me) {
		return runs.get(me, id);
	}

	@GetMapping("/api/v1/report-runs/{id}/file")
	@Operation(summary = "The file of a finished run (only for who asked)")
	org.springframework.http.ResponseEntity<byte[]> runFile(@PathVariable String id,
			@AuthenticationPrincipal DeskPrincipal me) {
		return file(runs.file(me, id));
	}

	static org.springframework.http.ResponseEntity<byte[]> file(org.tierdesk.reporting.ReportRuns.File f) {
		return org.springframework.http.ResponseEntity.ok()
			.header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
				.filename(f.name()).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentType(org.springframework.http.MediaType.parseMediaType(f.contentType())).body(f.bytes());
	}

	@GetMapping("/api/v1/programs/{key}/report-schedules")
	@Operation(summary = "The program's scheduled reports")
	java.util.List<org.tierdesk.reporting.ReportSchedules.Schedule> schedules(@PathVariable String key,
			@AuthenticationPrincipal DeskPrincipal me) {
		return schedules.list(me, key);
	}

	@org.springframework.web.bind.annotation.PostMapping("/api/v1/programs/{key}/report-schedules")
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
	@Operation(summary = "Schedule reports (managers): name, reports, DAILY/WEEKLY/MONTHLY, PDF/CSV, recipients")
	org.tierdesk.reporting.ReportSchedules.Schedule schedule(@PathVariable String key,
			@org.springframework.web.bind.annotation.RequestBody org.tierdesk.reporting.ReportSchedules.ScheduleForm form,
			@AuthenticationPrincipal DeskPrincipal me) {
		return schedules.create(me, key, form);
	}

	@org.springframework.web.bind.annotation.DeleteMapping("/api/v1/programs/{key}/report-schedules/{id}")
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
	@Operation(summary = "Stop a schedule (managers)")
	void unschedule(@PathVariable String key, @PathVariable long id, @AuthenticationPrincipal DeskPrincipal me) {
		schedules.delete(me, key, id);
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
		return csv("metrics-" + key, org.tierdesk.reporting.ReportCsv.metrics(metrics.report(me, key, from, to, period, by)));
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
