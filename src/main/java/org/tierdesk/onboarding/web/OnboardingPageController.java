package org.tierdesk.onboarding.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.tierdesk.onboarding.Onboarding;
import org.tierdesk.onboarding.Onboarding.Received;
import org.tierdesk.onboarding.Onboarding.ServiceRequest;
import org.tierdesk.system.InvalidRowsException;

/** The public "request help desk services" page. */
@Controller
class OnboardingPageController {

	private final Onboarding onboarding;

	OnboardingPageController(Onboarding onboarding) {
		this.onboarding = onboarding;
	}

	/** The form as posted; a checkbox sends nothing when unticked. */
	record RequestForm(String organization, String programName, String contactName, String contactEmail,
			String contactPhone, Boolean wantsTieredServices, String message) {
	}

	@GetMapping("/request-services")
	String form(Model model) {
		model.addAttribute("form", new RequestForm(null, null, null, null, null, null, null));
		model.addAttribute("errors", Map.of());
		return "onboarding/request";
	}

	@PostMapping("/request-services")
	String send(@ModelAttribute RequestForm form, Model model) {
		try {
			Received received = onboarding.request(new ServiceRequest(form.organization(), form.programName(),
					form.contactName(), form.contactEmail(), form.contactPhone(), form.wantsTieredServices(),
					form.message()));
			model.addAttribute("received", received);
			return "onboarding/received";
		}
		catch (InvalidRowsException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
			model.addAttribute("form", form);
			model.addAttribute("errors", errors);
			return "onboarding/request";
		}
	}
}
