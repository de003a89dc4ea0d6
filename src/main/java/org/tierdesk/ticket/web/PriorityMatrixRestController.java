package org.tierdesk.ticket.web;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.ticket.Impact;
import org.tierdesk.ticket.Priority;
import org.tierdesk.ticket.PriorityMatrices;
import org.tierdesk.ticket.PriorityMatrices.ProgramMatrix;
import org.tierdesk.ticket.Urgency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/programs/{key}/priority-matrix")
@Tag(name = "Priority matrix", description = "A program's impact x urgency -> priority matrix")
class PriorityMatrixRestController {

	private final PriorityMatrices matrices;

	PriorityMatrixRestController(PriorityMatrices matrices) {
		this.matrices = matrices;
	}

	record MatrixRequest(Map<Impact, Map<Urgency, Priority>> cells) {
	}

	@GetMapping
	@Operation(summary = "The program's matrix, or the desk-wide default it uses (desk staff)")
	ProgramMatrix get(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return matrices.read(me, key);
	}

	@PutMapping
	@Operation(summary = "Set the program's own matrix; rates tickets opened or re-rated from now on (managers)")
	ProgramMatrix set(@PathVariable String key, @RequestBody MatrixRequest request,
			@AuthenticationPrincipal DeskPrincipal me) {
		return matrices.set(me, key, request.cells());
	}

	@DeleteMapping
	@Operation(summary = "Go back to the desk-wide default matrix (managers)")
	ProgramMatrix reset(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return matrices.reset(me, key);
	}
}
