package org.tierdesk.reporting.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tierdesk.program.Programs;
import org.tierdesk.reporting.PeriodicReports;
import org.tierdesk.reporting.ReportRuns;
import org.tierdesk.reporting.ReportSchedules;
import org.tierdesk.system.DeskPage;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.workspace.FormActions;

/**
 * The periodic reports in the console: pick reports and a period, read them on screen, download them as PDF or CSV
 * (made in the background with its progress shown when it takes more than a second), and — for managers — schedule
 * them by mail.
 */
@DeskPage
@Controller
class ReportPackPageController {

	private final PeriodicReports reports;

	private final ReportRuns runs;

	private final ReportSchedules schedules;

	private final Programs programs;

	private final FormActions actions;

	ReportPackPageController(PeriodicReports reports, ReportRuns runs, ReportSchedules schedules, Programs programs,
			FormActions actions) {
		this.reports = reports;
		this.runs = runs;
		this.schedules = schedules;
		this.programs = programs;
		this.actions = actions;
	}

	@GetMapping("/console/reports/packs")
	String packs(@AuthenticationPrincipal DeskPrincipal me, @RequestParam(required = false) String program,
			@RequestParam(required = false) List<String> report, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) Boolean show, Model model) {
		requireStaff(me);
		Programs.Choice choice = programs.staffChoice(me, program);
		model.addAttribute("me", me);
		model.addAttribute("programs", choice.programs());
		model.addAttribute("program", choice.key());
		model.addAttribute("kinds", PeriodicReports.Kind.values());
		model.addAttribute("chosen", report == null ? List.of() : report);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		if (choice.key() == null) {
			return "reporting/packs";
		}
		var p = reports.program(me, choice.key());
		model.addAttribute("manages", me.manages(p.id()));
		model.addAttribute("schedules", schedules.list(me, choice.key()));
		model.addAttribute("runs", runs.mine(me, 10));
		if (Boolean.TRUE.equals(show)) {
			try {
				model.addAttribute("shown", reports.run(me, choice.key(), PeriodicReports.kinds(report), date("from", from),
						date("to", to), n -> {
						}));
			}
			catch (InvalidFieldException e) {
				model.addAttribute("problem", new FormActions.FormProblem("show", e.field(), e.getMessage(), false));
			}
		}
		return "reporting/packs";
	}

	@PostMapping("/console/reports/runs")
	String start(@AuthenticationPrincipal DeskPrincipal me, @RequestParam String program,
			@RequestParam(required = false) List<String> report, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String format,
			RedirectAttributes redirect) {
		requireStaff(me);
		String back = "redirect:/console/reports/packs?program=" + encode(program);
		String[] next = { back };
		actions.run(redirect, "run", Map.of("from", from == null ? "" : from, "to", to == null ? "" : to), () -> {
			ReportRuns.Run run = runs.await(me,
					runs.start(me, program, report, date("from", from), date("to", to), format).id(),
					Duration.ofSeconds(1));
			next[0] = run.finished() && "DONE".equals(run.status()) ? "redirect:/console/reports/runs/" + run.id()
					+ "/file" : "redirect:/console/reports/runs/" + run.id();
		}, back);
		return next[0];
	}

	@GetMapping("/console/reports/runs/{id}")
	String run(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String id, Model model) {
		requireStaff(me);
		model.addAttribute("me", me);
		model.addAttribute("run", runs.get(me, id));
		return "reporting/run";
	}

	@GetMapping("/console/reports/runs/{id}/progress")
	String progress(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String id, Model model) {
		requireStaff(me);
		model.addAttribute("run", runs.get(me, id));
		return "reporting/run :: progress";
	}

	@GetMapping("/console/reports/runs/{id}/file")
	ResponseEntity<byte[]> file(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String id) {
		requireStaff(me);
		return ReportingRestController.file(runs.file(me, id));
	}

	@PostMapping("/console/reports/schedules")
	String schedule(@AuthenticationPrincipal DeskPrincipal me, @RequestParam String program,
			@RequestParam(required = false) String name, @RequestParam(required = false) List<String> report,
			@RequestParam(required = false) String frequency, @RequestParam(required = false) String format,
			@RequestParam(required = false) String recipients, RedirectAttributes redirect) {
		requireStaff(me);
		String back = "redirect:/console/reports/packs?program=" + encode(program);
		return actions.run(redirect, "schedule",
				Map.of("name", name == null ? "" : name, "recipients", recipients == null ? "" : recipients),
				() -> schedules.create(me, program, new ReportSchedules.ScheduleForm(name, report, frequency, format,
						recipients == null ? List.of() : List.of(recipients))),
				back);
	}

	@PostMapping("/console/reports/schedules/{id}/deletion")
	String unschedule(@AuthenticationPrincipal DeskPrincipal me, @RequestParam String program, @PathVariable long id,
			RedirectAttributes redirect) {
		requireStaff(me);
		String back = "redirect:/console/reports/packs?program=" + encode(program);
		return actions.run(redirect, "unschedule", Map.of(), () -> schedules.delete(me, program, id), back);
	}

	private static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new InvalidFieldException(field, "a date as 2026-11-30, not " + value);
		}
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static void requireStaff(DeskPrincipal me) {
		if (!me.isStaff()) {
			throw new ForbiddenException("the console is for desk staff");
		}
	}
}
