package org.tierdesk.advisory.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tierdesk.advisory.Advisories;
import org.tierdesk.advisory.Advisories.AdvisoryView;
import org.tierdesk.advisory.AdvisoryAudience;
import org.tierdesk.advisory.AdvisoryForm;
import org.tierdesk.advisory.AdvisoryKind;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPage;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.workspace.FormActions;
import org.tierdesk.workspace.FormValues;

/**
 * Advisories on the web: the banner every portal and console page loads (advisories in force that reached the reader,
 * pinned heads-up messages for agents), an advisory's page with its acknowledgement, and the console's list where the
 * desk writes, submits, approves, publishes and withdraws them.
 */
@DeskPage
@Controller
class AdvisoryPageController {

	private final Advisories advisories;

	private final Programs programs;

	private final FormActions actions;

	AdvisoryPageController(Advisories advisories, Programs programs, FormActions actions) {
		this.advisories = advisories;
		this.programs = programs;
		this.actions = actions;
	}

	/** The banner: what reached me and is in force (acknowledged ones drop off). */
	@GetMapping("/advisories/banner")
	String banner(@AuthenticationPrincipal DeskPrincipal me, Model model) {
		model.addAttribute("notices", advisories.mine(me).stream()
			.filter(n -> n.acknowledgedAt() == null).toList());
		return "advisory/banner :: banner";
	}

	@GetMapping("/advisories/{number}")
	String advisory(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number, Model model) {
		model.addAttribute("me", me);
		Object found = advisories.get(me, number);
		if (found instanceof AdvisoryView a) {
			model.addAttribute("a", a);
			model.addAttribute("recipients", advisories.recipients(me, number));
			model.addAttribute("history", advisories.history(me, number));
			model.addAttribute("manager", me.manages(programs.byKey(a.program()).id()));
			return "advisory/desk";
		}
		model.addAttribute("n", found);
		return "advisory/notice";
	}

	@PostMapping("/advisories/{number}/acknowledgement")
	String acknowledge(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		if (htmx != null) {
			advisories.acknowledge(me, number);
			return banner(me, model);
		}
		return actions.run(redirect, "acknowledge", Map.of(), () -> advisories.acknowledge(me, number),
				"redirect:/advisories/" + number);
	}

	@GetMapping("/console/advisories")
	String list(@AuthenticationPrincipal DeskPrincipal me, @RequestParam(required = false) String program,
			Model model) {
		if (!me.isStaff()) {
			throw new ForbiddenException("the console is for desk staff");
		}
		Programs.Choice choice = programs.staffChoice(me, program);
		String key = choice.key();
		model.addAttribute("me", me);
		model.addAttribute("programs", choice.programs());
		model.addAttribute("program", key);
		model.addAttribute("advisories", key == null ? List.of() : advisories.list(me, key));
		model.addAttribute("kinds", AdvisoryKind.values());
		model.addAttribute("audiences", AdvisoryAudience.values());
		return "advisory/list";
	}

	@PostMapping("/console/advisories")
	String write(@AuthenticationPrincipal DeskPrincipal me, @RequestParam String program,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		String[] number = new String[1];
		String back = "redirect:" + org.springframework.web.util.UriComponentsBuilder.fromPath("/console/advisories")
			.queryParam("program", program).encode().toUriString();
		String refused = actions.run(redirect, "advisory", form, () -> number[0] = advisories.write(me, program,
				formOf(form, programs.visibleTo(me, program))).number(), back);
		return number[0] != null ? "redirect:/advisories/" + number[0] : refused;
	}

	@PostMapping("/advisories/{number}/{step:submission|approval|publication|withdrawal}")
	String step(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number, @PathVariable String step,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return actions.run(redirect, step, Map.of("note", note == null ? "" : note), () -> {
			switch (step) {
				case "submission" -> advisories.submit(me, number, version);
				case "approval" -> advisories.approve(me, number, version, note);
				case "publication" -> advisories.publish(me, number, version);
				default -> advisories.withdraw(me, number, version, note);
			}
		}, "redirect:/advisories/" + number);
	}

	/** The console's form: lists as comma-separated text, expiry as a local date-time in the program's zone. */
	private static AdvisoryForm formOf(Map<String, String> f, Program program) {
		Instant expires = null;
		String expiresAt = f.getOrDefault("expiresAt", "");
		if (!expiresAt.isBlank()) {
			try {
				expires = LocalDateTime.parse(expiresAt).atZone(program.timeZone()).toInstant();
			}
			catch (java.time.format.DateTimeParseException e) {
				throw new InvalidFieldException("expiresAt", "a date and time, like 2026-12-01T18:00");
			}
		}
		return new AdvisoryForm(FormValues.choice(AdvisoryKind.class, f.get("kind"), "kind"),
				FormValues.choice(AdvisoryAudience.class, f.get("audience"), "audience"), f.get("severity"), f.get("title"),
				f.get("body"), list(f.get("systems")), list(f.get("versions")), list(f.get("sites")),
				list(f.get("organizations")), f.containsKey("byEmail"), f.containsKey("bySms"),
				f.containsKey("requiresAcknowledgement"), FormValues.integer(f.get("remindEveryHours"), "remindEveryHours"),
				FormValues.integer(f.get("maxReminders"), "maxReminders"), expires);
	}

	private static List<String> list(String text) {
		return text == null ? List.of()
				: Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}
}
