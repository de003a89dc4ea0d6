package org.tierdesk.deficiency.web;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tierdesk.deficiency.DeficiencyReports;
import org.tierdesk.deficiency.DeficiencyReports.Edit;
import org.tierdesk.deficiency.DeficiencyReports.Raise;
import org.tierdesk.deficiency.DeficiencyReports.ReportView;
import org.tierdesk.deficiency.DeficiencyReports.Transition;
import org.tierdesk.deficiency.DeficiencyStatus;
import org.tierdesk.deficiency.IntakeWarnings;
import org.tierdesk.deficiency.Severity;
import org.tierdesk.directory.Directory;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPage;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.ticket.TicketFacts;
import org.tierdesk.ticket.Tickets;
import org.tierdesk.workspace.FormActions;
import org.tierdesk.workspace.FormValues;

/**
 * Deficiency reports and releases on the web: the known issues shown while a request or call is taken, the ticket
 * workspace's panel (known errors, the ticket's reports, raise or attach), the console's list and report pages, and
 * the supported releases per system.
 */
@DeskPage
@Controller
class DeficiencyPageController {

	private final DeficiencyReports reports;

	private final IntakeWarnings warnings;

	private final Directory directory;

	private final Programs programs;

	private final Tickets tickets;

	private final FormActions actions;

	DeficiencyPageController(DeficiencyReports reports, IntakeWarnings warnings, Directory directory,
			Programs programs, Tickets tickets, FormActions actions) {
		this.reports = reports;
		this.warnings = warnings;
		this.directory = directory;
		this.programs = programs;
		this.tickets = tickets;
		this.actions = actions;
	}

	/** While a request or call is taken: the version's standing and the known errors for the system named. */
	@GetMapping("/known-issues")
	String knownIssues(@AuthenticationPrincipal DeskPrincipal me, @RequestParam(required = false) String program,
			@RequestParam(required = false) String system, @RequestParam(required = false) String version,
			Model model) {
		model.addAttribute("warnings", program == null || program.isBlank() || system == null || system.isBlank() ? null
				: warnings.of(programs.visibleTo(me, program.strip()).id(), system, version));
		return "deficiency/known :: known";
	}

	/** The ticket workspace's panel: unsupported version, known errors, the ticket's reports, raise or attach. */
	@GetMapping("/console/tickets/{number}/deficiencies")
	String panel(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number, Model model) {
		TicketFacts t = tickets.facts(me, number);
		model.addAttribute("t", t);
		model.addAttribute("warnings", warnings.of(t.programId(), t.affectedSystem(), t.affectedVersion()));
		model.addAttribute("reports", reports.ofTicket(me, number));
		model.addAttribute("severities", Severity.values());
		return "deficiency/panel :: panel";
	}

	@PostMapping("/console/tickets/{number}/deficiencies")
	String raise(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		String[] raised = new String[1];
		String back = "redirect:/console/tickets/" + number;
		String refused = actions.run(redirect, "deficiency", form, () -> {
			TicketFacts t = tickets.facts(me, number);
			raised[0] = reports.raise(me, programs.byId(t.programId()).key(), new Raise(t.affectedSystem(),
					form.get("versionFound"), FormValues.choice(Severity.class, form.get("severity"), "severity"), form.get("title"), form.get("description"),
					form.get("steps"), form.get("workaround"), List.of(t.number()))).number();
		}, back);
		return raised[0] != null ? "redirect:/console/deficiencies/" + raised[0] : refused;
	}

	@PostMapping("/console/tickets/{number}/deficiencies/attach")
	String attach(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number,
			@RequestParam(required = false) String report, RedirectAttributes redirect) {
		return actions.run(redirect, "attach", Map.of("report", report == null ? "" : report), () -> {
			if (report == null || report.isBlank()) {
				throw new InvalidFieldException("report", "the deficiency report's number, like DR-000012");
			}
			reports.attach(me, report.strip(), null, List.of(number));
		}, "redirect:/console/tickets/" + number);
	}

	@GetMapping("/console/deficiencies")
	String list(@AuthenticationPrincipal DeskPrincipal me, @RequestParam(required = false) String program,
			@RequestParam(required = false) DeficiencyStatus status, Model model) {
		String key = programOf(me, program, model);
		model.addAttribute("status", status);
		model.addAttribute("statuses", DeficiencyStatus.values());
		model.addAttribute("reports", key == null ? List.of() : reports.list(me, key, status, 200));
		return "deficiency/list";
	}

	@GetMapping("/console/deficiencies/{number}")
	String report(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number, Model model) {
		ReportView r = reports.get(me, number);
		model.addAttribute("me", me);
		model.addAttribute("r", r);
		model.addAttribute("history", reports.history(me, number));
		model.addAttribute("feedback", r.fixShippedOn() == null ? null : reports.feedback(me, number));
		model.addAttribute("severities", Severity.values());
		return "deficiency/report";
	}

	@PostMapping("/console/deficiencies/{number}/status")
	String move(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		return actions.run(redirect, "move", form, () -> reports.move(me, number, FormValues.version(form),
				new Transition(FormValues.choice(DeficiencyStatus.class, form.get("status"), "status"), form.get("reason"), FormValues.text(form.get("fixRelease")),
						FormValues.date(form.get("plannedOn"), "plannedOn"), FormValues.date(form.get("shippedOn"), "shippedOn"),
						FormValues.text(form.get("duplicateOf")))),
				"redirect:/console/deficiencies/" + number);
	}

	@PostMapping("/console/deficiencies/{number}/shipment")
	String ship(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		return actions.run(redirect, "ship", form, () -> reports.ship(me, number, FormValues.version(form),
				FormValues.date(form.get("shippedOn"), "shippedOn")), "redirect:/console/deficiencies/" + number);
	}

	@PostMapping("/console/deficiencies/{number}/lesson")
	String lesson(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		return actions.run(redirect, "lesson", form,
				() -> reports.recordLesson(me, number, FormValues.version(form), form.get("summary")),
				"redirect:/console/deficiencies/" + number);
	}

	@PostMapping("/console/deficiencies/{number}/description")
	String edit(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		return actions.run(redirect, "edit", form, () -> reports.edit(me, number, FormValues.version(form),
				new Edit(null, FormValues.choice(Severity.class, form.get("severity"), "severity"), null, null, form.get("steps"), form.get("workaround"),
						form.get("reason"))),
				"redirect:/console/deficiencies/" + number);
	}

	/** The current release and versions supported per system. */
	@GetMapping("/console/releases")
	String releases(@AuthenticationPrincipal DeskPrincipal me, @RequestParam(required = false) String program,
			Model model) {
		String key = programOf(me, program, model);
		model.addAttribute("releases", key == null ? List.of() : directory.supportedReleases(me, key));
		return "deficiency/releases";
	}

	private String programOf(DeskPrincipal me, String program, Model model) {
		if (!me.isStaff()) {
			throw new ForbiddenException("the console is for desk staff");
		}
		Programs.Choice choice = programs.staffChoice(me, program);
		model.addAttribute("me", me);
		model.addAttribute("programs", choice.programs());
		model.addAttribute("program", choice.key());
		return choice.key();
	}

}
