package org.tierdesk.intake.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tierdesk.intake.ResolutionAnswers;
import org.tierdesk.system.RuleViolationException;

/** The page behind the accept/reject links of a resolution notice. */
@Controller
class ResolutionAnswerController {

	private final ResolutionAnswers answers;

	ResolutionAnswerController(ResolutionAnswers answers) {
		this.answers = answers;
	}

	@GetMapping("/respond/{token}")
	String show(@PathVariable String token, @RequestParam(defaultValue = "accept") String answer, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("pending", answers.lookUp(token));
		model.addAttribute("accept", !"reject".equals(answer));
		return "intake/respond";
	}

	@PostMapping("/respond/{token}")
	String answer(@PathVariable String token, @RequestParam String answer,
			@RequestParam(required = false) String comment, Model model) {
		boolean accepted = "accept".equals(answer);
		model.addAttribute("pending", answers.lookUp(token));
		try {
			answers.answer(token, accepted, comment);
			model.addAttribute("done", accepted ? "accepted" : "rejected");
		}
		catch (RuleViolationException e) {
			model.addAttribute("done", "too-late");
		}
		return "intake/answered";
	}
}
