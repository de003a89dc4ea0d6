package org.tierdesk.directory.web;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tierdesk.directory.OnCall;
import org.tierdesk.directory.OnCall.AbsenceForm;
import org.tierdesk.directory.OnCall.AbsenceInfo;
import org.tierdesk.directory.OnCall.CoverageForm;
import org.tierdesk.directory.OnCall.CoverageInfo;
import org.tierdesk.directory.OnCall.OverrideForm;
import org.tierdesk.directory.OnCall.ProgramCover;
import org.tierdesk.directory.OnCall.RotationForm;
import org.tierdesk.directory.OnCall.RotationInfo;
import org.tierdesk.directory.OnCall.SystemOnCall;
import org.tierdesk.system.DeskPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/programs/{key}/directory")
@Tag(name = "On call and coverage", description = "Office hours, after-hours coverage, on-call rotations, absences")
class OnCallRestController {

	private final OnCall onCall;

	OnCallRestController(OnCall onCall) {
		this.onCall = onCall;
	}

	@GetMapping("/rotations")
	@Operation(summary = "The program's on-call rotations, each with who is on call now")
	List<RotationInfo> rotations(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return onCall.rotations(me, key);
	}

	@GetMapping("/rotations/{name}")
	RotationInfo rotation(@PathVariable String key, @PathVariable String name,
			@AuthenticationPrincipal DeskPrincipal me) {
		return onCall.rotation(me, key, name);
	}

	@PutMapping("/rotations/{name}")
	@Operation(summary = "Create or replace a rotation; every problem is reported at once")
	RotationInfo defineRotation(@PathVariable String key, @PathVariable String name, @RequestBody RotationForm form,
			@AuthenticationPrincipal DeskPrincipal me) {
		return onCall.defineRotation(me, key, new RotationForm(name, form.group(), form.members(), form.shiftDays(),
				form.handover(), form.startsOn(), form.overrides()));
	}

	@DeleteMapping("/rotations/{name}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteRotation(@PathVariable String key, @PathVariable String name,
			@AuthenticationPrincipal DeskPrincipal me) {
		onCall.deleteRotation(me, key, name);
	}

	@PostMapping("/rotations/{name}/overrides")
	@Operation(summary = "Someone else covers a period of the rotation (a swap, holiday cover)")
	RotationInfo addOverride(@PathVariable String key, @PathVariable String name, @RequestBody OverrideForm form,
			@AuthenticationPrincipal DeskPrincipal me) {
		return onCall.addOverride(me, key, name, form);
	}

	@GetMapping("/coverage")
	@Operation(summary = "Office hours, holidays and after-hours emergency coverage")
	CoverageInfo coverage(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return onCall.coverage(me, key);
	}

	@PutMapping("/coverage")
	CoverageInfo defineCoverage(@PathVariable String key, @RequestBody CoverageForm form,
			@AuthenticationPrincipal DeskPrincipal me) {
		return onCall.defineCoverage(me, key, form);
	}

	@GetMapping("/on-call")
	@Operation(summary = "Who is on call for a system at an instant (now by default), tier by tier")
	SystemOnCall onCallFor(@PathVariable String key, @RequestParam String system,
			@RequestParam(required = false) Instant at, @AuthenticationPrincipal DeskPrincipal me) {
		return onCall.forSystem(me, key, system, at);
	}

	@GetMapping("/who-covers")
	@Operation(summary = "Who covers the program at an instant (now by default): office hours or on call")
	ProgramCover whoCovers(@PathVariable String key, @RequestParam(required = false) Instant at,
			@AuthenticationPrincipal DeskPrincipal me) {
		return onCall.forProgram(me, key, at);
	}

	@GetMapping("/absences")
	List<AbsenceInfo> absences(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return onCall.absences(me, key);
	}

	@PostMapping("/absences")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record that someone is away: routing skips them")
	AbsenceInfo recordAbsence(@PathVariable String key, @RequestBody AbsenceForm form,
			@AuthenticationPrincipal DeskPrincipal me) {
		return onCall.recordAbsence(me, key, form);
	}
}
