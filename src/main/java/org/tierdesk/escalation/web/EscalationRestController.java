package org.tierdesk.escalation.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tierdesk.escalation.Escalations;
import org.tierdesk.escalation.Escalations.LadderInfo;
import org.tierdesk.escalation.Escalations.TimerView;
import org.tierdesk.escalation.Ladder;
import org.tierdesk.system.DeskPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Escalation", description = "Time-based escalation ladders and each ticket's timers")
class EscalationRestController {

	private final Escalations escalations;

	EscalationRestController(Escalations escalations) {
		this.escalations = escalations;
	}

	@GetMapping("/api/v1/programs/{key}/escalation/ladder")
	@Operation(summary = "The program's escalation ladder (the standard 15-minute Tier 1 rule until it writes one)")
	LadderInfo ladder(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return escalations.ladder(me, key);
	}

	@PutMapping("/api/v1/programs/{key}/escalation/ladder")
	@Operation(summary = "Replace the ladder; every step is checked; open tickets' timers follow at once")
	LadderInfo defineLadder(@PathVariable String key, @RequestBody Ladder ladder,
			@AuthenticationPrincipal DeskPrincipal me) {
		return escalations.defineLadder(me, key, ladder);
	}

	@GetMapping("/api/v1/tickets/{number}/escalation-timers")
	@Operation(summary = "The ticket's escalation timers: due, fired (with what was done) or dropped")
	List<TimerView> timers(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return escalations.timersOf(me, number);
	}
}
