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

	ReportingRestController(StaffingForecast staffing, org.tierdesk.reporting.Metrics metrics) {
		this.staffing = staffing;
		this.metrics = metrics;
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
