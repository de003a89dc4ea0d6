package org.tierdesk.satisfaction.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.tierdesk.satisfaction.Surveys;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.RuleViolationException;

/**
 * The survey's pages: behind the link in the email or text (the token stands for the requester, no sign-in), and the
 * form on the requester's own closed request in the portal (an htmx fragment, so the portal need not know surveys).
 */
@Controller
class SurveyPageController {

	private final Surveys surveys;

	SurveyPageController(Surveys surveys) {
		this.surveys = surveys;
	}

	@GetMapping("/survey/{token}")
	String show(@PathVariable String token, Model model) {
		model.addAttribute("survey", surveys.byToken(token));
		model.addAttribute("token", token);
		return "satisfaction/survey";
	}

	@PostMapping("/survey/{token}")
	String answer(@PathVariable String token, @RequestParam(required = false) Integer score,
			@RequestParam(required = false) String comment, Model model) {
		model.addAttribute("token", token);
		try {
			model.addAttribute("survey", surveys.answerByToken(token, score, comment));
			model.addAttribute("thanks", true);
		}
		catch (InvalidFieldException e) {
			model.addAttribute("survey", surveys.byToken(token));
			model.addAttribute("error", e.getMessage());
			model.addAttribute("comment", comment);
		}
		catch (RuleViolationException e) {
			model.addAttribute("survey", surveys.byToken(token));
		}
		return "satisfaction/survey";
	}

	@GetMapping("/portal/requests/{number}/survey")
	String fragment(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number, Model model) {
		model.addAttribute("survey", surveys.ofMyTicket(me, number).orElse(null));
		model.addAttribute("number", number);
		return "satisfaction/fragments :: portal";
	}

	@PostMapping("/portal/requests/{number}/survey")
	String answerInPortal(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number,
			@RequestParam(required = false) Integer score, @RequestParam(required = false) String comment,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("number", number);
		try {
			model.addAttribute("survey", surveys.answerMine(me, number, score, comment));
			model.addAttribute("thanks", true);
		}
		catch (InvalidFieldException e) {
			model.addAttribute("survey", surveys.ofMyTicket(me, number).orElse(null));
			model.addAttribute("error", e.getMessage());
			model.addAttribute("comment", comment);
		}
		catch (RuleViolationException e) {
			model.addAttribute("survey", surveys.ofMyTicket(me, number).orElse(null));
		}
		if (htmx == null) {
			return "redirect:/portal/requests/"
					+ java.net.URLEncoder.encode(number, java.nio.charset.StandardCharsets.UTF_8);
		}
		return "satisfaction/fragments :: portal";
	}
}
