package org.tierdesk.workspace.web;

import java.util.LinkedHashMap;
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
import org.springframework.web.util.UriComponentsBuilder;
import org.tierdesk.knowledge.Article.Content;
import org.tierdesk.knowledge.ArticleStatus;
import org.tierdesk.knowledge.Audience;
import org.tierdesk.knowledge.Knowledge;
import org.tierdesk.knowledge.Knowledge.ArticleView;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPage;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.workspace.FormActions;
import org.tierdesk.workspace.FormValues;

/**
 * The knowledge base in the console: the program's articles by status, writing and revising one, its workflow
 * (submit, validate by the cognizant authority, send back, publish, retire), its revisions compared, and a draft from a
 * resolved ticket in one step.
 */
@DeskPage
@Controller
class ArticlePageController {

	private final Knowledge knowledge;

	private final Programs programs;

	private final FormActions actions;

	ArticlePageController(Knowledge knowledge, Programs programs, FormActions actions) {
		this.knowledge = knowledge;
		this.programs = programs;
		this.actions = actions;
	}

	@GetMapping("/console/articles")
	String list(@AuthenticationPrincipal DeskPrincipal me, @RequestParam(required = false) String program,
			@RequestParam(required = false) ArticleStatus status, Model model) {
		String key = program(me, program, model);
		model.addAttribute("status", status);
		model.addAttribute("statuses", ArticleStatus.values());
		model.addAttribute("articles", key == null ? List.of() : knowledge.list(me, key, status));
		return "console/articles";
	}

	@GetMapping("/console/articles/new")
	String blank(@AuthenticationPrincipal DeskPrincipal me, @RequestParam(required = false) String program,
			Model model) {
		program(me, program, model);
		model.addAttribute("a", null);
		model.addAttribute("audiences", Audience.values());
		return "console/article-form";
	}

	@PostMapping("/console/articles")
	String write(@AuthenticationPrincipal DeskPrincipal me, @RequestParam String program,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		String[] written = new String[1];
		String back = "redirect:" + UriComponentsBuilder.fromPath("/console/articles/new").queryParam("program", program)
			.encode().toUriString();
		String refused = actions.run(redirect, "article", form,
				() -> written[0] = knowledge.write(me, program, content(form)).number(), back);
		return written[0] != null ? "redirect:/console/articles/" + written[0] : refused;
	}

	/** An article as the desk reads it (drafts included), its workflow, its revisions. */
	@GetMapping("/console/articles/{number}")
	String article(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number,
			@RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to, Model model) {
		ConsolePageController.requireStaff(me);
		model.addAttribute("me", me);
		ArticleView a = knowledge.get(me, number);
		model.addAttribute("a", a);
		model.addAttribute("steps", knowledge.workflow(me, number));
		model.addAttribute("revisions", knowledge.revisions(me, number));
		model.addAttribute("diff", from == null || to == null ? null : knowledge.diff(me, number, from, to));
		return "console/article";
	}

	@GetMapping("/console/articles/{number}/edit")
	String edit(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number, Model model) {
		ArticleView a = knowledge.get(me, number);
		program(me, a.program(), model);
		model.addAttribute("a", a);
		model.addAttribute("systemsText", systemsText(a.systems()));
		model.addAttribute("audiences", Audience.values());
		return "console/article-form";
	}

	@PostMapping("/console/articles/{number}")
	String revise(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		return actions.run(redirect, "article", form, () -> knowledge.revise(me, number, FormValues.version(form), content(form),
				form.get("reason")), "redirect:/console/articles/" + number, "redirect:/console/articles/" + number
						+ "/edit");
	}

	@PostMapping("/console/articles/{number}/{step:submission|validation|send-back|publication|retirement}")
	String step(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number, @PathVariable String step,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		String note = form.get("note");
		return actions.run(redirect, step, form, () -> {
			switch (step) {
				case "submission" -> knowledge.submit(me, number, FormValues.version(form));
				case "validation" -> knowledge.validate(me, number, FormValues.version(form), note);
				case "send-back" -> knowledge.sendBack(me, number, FormValues.version(form), note);
				case "publication" -> knowledge.publish(me, number, FormValues.version(form));
				default -> knowledge.retire(me, number, FormValues.version(form), note);
			}
		}, "redirect:/console/articles/" + number);
	}

	/** A resolved ticket becomes a draft article in one step. */
	@PostMapping("/console/tickets/{number}/article")
	String fromTicket(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number,
			RedirectAttributes redirect) {
		String[] written = new String[1];
		String refused = actions.run(redirect, "from-ticket", Map.of(),
				() -> written[0] = knowledge.fromTicket(me, number).number(), "redirect:/console/tickets/" + number);
		return written[0] != null ? "redirect:/console/articles/" + written[0] + "/edit" : refused;
	}

	private String program(DeskPrincipal me, String program, Model model) {
		ConsolePageController.requireStaff(me);
		Programs.Choice choice = programs.staffChoice(me, program);
		model.addAttribute("me", me);
		model.addAttribute("programs", choice.programs());
		model.addAttribute("program", choice.key());
		return choice.key();
	}

	/** Systems as the form writes them: one per line, {@code System: version, version} (no versions: all). */
	static Map<String, String> systems(String text) {
		Map<String, String> systems = new LinkedHashMap<>();
		for (String line : text == null ? new String[0] : text.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			int colon = line.indexOf(':');
			String name = (colon < 0 ? line : line.substring(0, colon)).strip();
			String versions = colon < 0 ? "" : line.substring(colon + 1).strip();
			systems.put(name, versions.isEmpty() ? null : versions);
		}
		return systems;
	}

	static String systemsText(Map<String, String> systems) {
		StringBuilder text = new StringBuilder();
		systems.forEach((name, versions) -> text.append(name).append(versions == null ? "" : ": " + versions)
			.append('\n'));
		return text.toString().strip();
	}

	private static Content content(Map<String, String> f) {
		Audience audience = FormValues.choice(Audience.class, f.get("audience"), "audience");
		return new Content(f.get("title"), f.get("problem"), FormValues.text(f.get("symptoms")), FormValues.text(f.get("cause")),
				f.get("solution"), FormValues.text(f.get("keywords")), systems(f.get("systems")), audience,
				FormValues.integer(f.get("internalTier"), "internalTier"), FormValues.date(f.get("reviewDue"), "reviewDue"),
				FormValues.date(f.get("expiresOn"), "expiresOn"));
	}
}
