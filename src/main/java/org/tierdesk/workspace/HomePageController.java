package org.tierdesk.workspace;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tierdesk.system.DeskPrincipal;

@Controller
class HomePageController {

	@GetMapping("/")
	String home(@AuthenticationPrincipal DeskPrincipal me, Model model) {
		model.addAttribute("me", me);
		return "workspace/home";
	}
}
