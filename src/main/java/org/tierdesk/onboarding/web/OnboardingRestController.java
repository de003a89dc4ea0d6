package org.tierdesk.onboarding.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tierdesk.onboarding.ChecklistItem;
import org.tierdesk.onboarding.Onboarding;
import org.tierdesk.onboarding.Onboarding.Activated;
import org.tierdesk.onboarding.Onboarding.Activation;
import org.tierdesk.onboarding.Onboarding.CaseView;
import org.tierdesk.onboarding.Onboarding.HistoryView;
import org.tierdesk.onboarding.Onboarding.ProgramOpening;
import org.tierdesk.onboarding.Onboarding.Received;
import org.tierdesk.onboarding.Onboarding.ServiceRequest;
import org.tierdesk.system.DeskPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/onboarding")
@Tag(name = "Onboarding", description = "Requests for the desk's services, the follow-on checklist, activation")
class OnboardingRestController {

	private final Onboarding onboarding;

	OnboardingRestController(Onboarding onboarding) {
		this.onboarding = onboarding;
	}

	record Text(String text) {
	}

	record Settlement(Boolean settled, String note) {
	}

	@PostMapping("/requests")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Request the desk's tiered services (public: no login)")
	Received request(@RequestBody ServiceRequest request) {
		return onboarding.request(request);
	}

	@GetMapping("/cases")
	@Operation(summary = "Every onboarding case, newest first, with its answer due date")
	List<CaseView> cases(@AuthenticationPrincipal DeskPrincipal me) {
		return onboarding.cases(me);
	}

	@GetMapping("/cases/{reference}")
	CaseView onboardingCase(@PathVariable String reference, @AuthenticationPrincipal DeskPrincipal me) {
		return onboarding.onboardingCase(me, reference);
	}

	@GetMapping("/cases/{reference}/history")
	List<HistoryView> history(@PathVariable String reference, @AuthenticationPrincipal DeskPrincipal me) {
		return onboarding.history(me, reference);
	}

	@PostMapping("/cases/{reference}/answer")
	CaseView answer(@PathVariable String reference, @RequestBody Text answer,
			@AuthenticationPrincipal DeskPrincipal me) {
		return onboarding.answer(me, reference, answer.text());
	}

	@PostMapping("/cases/{reference}/decline")
	CaseView decline(@PathVariable String reference, @RequestBody Text reason,
			@AuthenticationPrincipal DeskPrincipal me) {
		return onboarding.decline(me, reference, reason.text());
	}

	@PostMapping("/cases/{reference}/program")
	@Operation(summary = "Open the program in onboarding: it can be set up, but refuses tickets until activated")
	CaseView openProgram(@PathVariable String reference, @RequestBody ProgramOpening opening,
			@AuthenticationPrincipal DeskPrincipal me) {
		return onboarding.openProgram(me, reference, opening);
	}

	@PutMapping("/cases/{reference}/checklist/{item}")
	CaseView settle(@PathVariable String reference, @PathVariable ChecklistItem item,
			@RequestBody Settlement settlement, @AuthenticationPrincipal DeskPrincipal me) {
		return onboarding.settle(me, reference, item, settlement.settled(), settlement.note());
	}

	@PostMapping("/cases/{reference}/activation")
	@Operation(summary = "Activate the program in one audited, all-or-nothing step: groups, directory, report recipients")
	Activated activate(@PathVariable String reference, @RequestBody Activation plan,
			@AuthenticationPrincipal DeskPrincipal me) {
		return onboarding.activate(me, reference, plan);
	}
}
