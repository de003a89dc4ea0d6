package org.tierdesk.deficiency.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tierdesk.deficiency.DeficiencyReports;
import org.tierdesk.deficiency.DeficiencyReports.Edit;
import org.tierdesk.deficiency.DeficiencyReports.FixFeedback;
import org.tierdesk.deficiency.DeficiencyReports.HistoryView;
import org.tierdesk.deficiency.DeficiencyReports.Raise;
import org.tierdesk.deficiency.DeficiencyReports.ReportView;
import org.tierdesk.deficiency.DeficiencyReports.Transition;
import org.tierdesk.deficiency.DeficiencyStatus;
import org.tierdesk.deficiency.IntakeWarnings;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Deficiency reports", description = "Faults raised from tickets, tracked to the release that fixes them")
class DeficiencyRestController {

	record TicketNumbers(List<String> tickets) {
	}

	record Shipment(LocalDate shippedOn) {
	}

	private final DeficiencyReports reports;

	private final IntakeWarnings warnings;

	private final Programs programs;

	DeficiencyRestController(DeficiencyReports reports, IntakeWarnings warnings, Programs programs) {
		this.reports = reports;
		this.warnings = warnings;
		this.programs = programs;
	}

	@PostMapping("/api/v1/programs/{key}/deficiencies")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Raise a deficiency report from tickets (the system must be in the program's directory)")
	ReportView raise(@PathVariable String key, @RequestBody Raise raise, @AuthenticationPrincipal DeskPrincipal me) {
		return reports.raise(me, key, raise);
	}

	@GetMapping("/api/v1/programs/{key}/deficiencies")
	List<ReportView> list(@PathVariable String key, @RequestParam(required = false) DeficiencyStatus status,
			@RequestParam(required = false) Integer limit, @AuthenticationPrincipal DeskPrincipal me) {
		return reports.list(me, key, status, limit);
	}

	@GetMapping("/api/v1/programs/{key}/known-issues")
	@Operation(summary = "What intake should know about a system and version: unsupported release, known errors")
	IntakeWarnings.Warnings knownIssues(@PathVariable String key, @RequestParam String system,
			@RequestParam(required = false) String version, @AuthenticationPrincipal DeskPrincipal me) {
		return warnings.of(programs.visibleTo(me, key).id(), system, version);
	}

	@GetMapping("/api/v1/deficiencies/{number}")
	ReportView get(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return reports.get(me, number);
	}

	@PatchMapping("/api/v1/deficiencies/{number}")
	@Operation(summary = "Change the description, steps, workaround, severity or version found in (?version= the one you read)")
	ReportView edit(@PathVariable String number, @RequestParam(required = false) Long version, @RequestBody Edit edit,
			@AuthenticationPrincipal DeskPrincipal me) {
		return reports.edit(me, number, version, edit);
	}

	@PostMapping("/api/v1/deficiencies/{number}/tickets")
	ReportView attach(@PathVariable String number, @RequestParam(required = false) Long version,
			@RequestBody TicketNumbers body, @AuthenticationPrincipal DeskPrincipal me) {
		return reports.attach(me, number, version, body.tickets());
	}

	@PostMapping("/api/v1/deficiencies/{number}/status")
	@Operation(summary = "Move the report: UNDER_ANALYSIS, FIX_IN_PROGRESS, FIXED_IN_RELEASE (fixRelease, plannedOn "
			+ "and/or shippedOn), CLOSED, REJECTED or DUPLICATE (duplicateOf) with a reason")
	ReportView move(@PathVariable String number, @RequestParam(required = false) Long version,
			@RequestBody Transition transition, @AuthenticationPrincipal DeskPrincipal me) {
		return reports.move(me, number, version, transition);
	}

	@PostMapping("/api/v1/deficiencies/{number}/shipment")
	@Operation(summary = "The fixing release shipped: every linked ticket's customer and owner are told, once")
	ReportView ship(@PathVariable String number, @RequestParam(required = false) Long version,
			@RequestBody Shipment shipment, @AuthenticationPrincipal DeskPrincipal me) {
		return reports.ship(me, number, version, shipment.shippedOn());
	}

	@GetMapping("/api/v1/deficiencies/{number}/history")
	List<HistoryView> history(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return reports.history(me, number);
	}

	record LessonRequest(String summary) {
	}

	@org.springframework.web.bind.annotation.PutMapping("/api/v1/deficiencies/{number}/lesson")
	@Operation(summary = "Record the lesson learned from a deficiency report (blank withdraws it)")
	ReportView lesson(@PathVariable String number, @RequestParam(required = false) Long version,
			@RequestBody LessonRequest r, @AuthenticationPrincipal DeskPrincipal me) {
		return reports.recordLesson(me, number, version, r.summary());
	}

	@GetMapping("/api/v1/deficiencies/{number}/feedback")
	@Operation(summary = "Did the fix work? Reopened and new tickets on the system since the release shipped")
	FixFeedback feedback(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return reports.feedback(me, number);
	}

	@GetMapping("/api/v1/tickets/{number}/deficiencies")
	List<ReportView> ofTicket(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return reports.ofTicket(me, number);
	}
}
