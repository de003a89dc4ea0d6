package org.tierdesk.routing.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tierdesk.routing.Routing;
import org.tierdesk.routing.Routing.SwarmSuggestion;
import org.tierdesk.system.DeskPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Routing")
class SwarmSuggestionRestController {

	private final Routing routing;

	SwarmSuggestionRestController(Routing routing) {
		this.routing = routing;
	}

	@GetMapping("/api/v1/tickets/{number}/swarm/suggestions")
	@Operation(summary = "Who to invite to a swarm: the cognizant authorities of the ticket's system, available first")
	List<SwarmSuggestion> suggestions(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return routing.swarmSuggestions(me, number);
	}
}
