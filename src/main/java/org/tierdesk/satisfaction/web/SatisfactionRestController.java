package org.tierdesk.satisfaction.web;

import java.time.Instant;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tierdesk.satisfaction.Surveys;
import org.tierdesk.satisfaction.Surveys.Survey;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Customer satisfaction", description = "The one-question survey after a ticket closes")
class SatisfactionRestController {

	private final Surveys surveys;

	SatisfactionRestController(Surveys surveys) {
		this.surveys = surveys;
	}

	record Answer(Integer score, String comment) {
	}

	@GetMapping("/api/v1/tickets/{number}/survey")
	@Operation(summary = "The survey of my closed ticket (the requester only)")
	Survey mine(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return surveys.ofMyTicket(me, number)
			.orElseThrow(() -> new NotFoundException("no satisfaction survey for " + number + " is waiting for you"));
	}

	@PostMapping("/api/v1/tickets/{number}/survey")
	@Operation(summary = "Answer the survey of my closed ticket: score 1..5, optional comment; once")
	Survey answer(@PathVariable String number, @RequestBody Answer answer, @AuthenticationPrincipal DeskPrincipal me) {
		return surveys.answerMine(me, number, answer.score(), answer.comment());
	}

	@GetMapping("/api/v1/programs/{key}/surveys")
	@Operation(summary = "Answered surveys of the program, newest first (desk staff)")
	List<Survey> answered(@PathVariable String key, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(defaultValue = "100") int limit,
			@AuthenticationPrincipal DeskPrincipal me) {
		return surveys.answered(me, key, from, to, limit);
	}
}
