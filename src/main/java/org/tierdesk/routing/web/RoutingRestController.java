package org.tierdesk.routing.web;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tierdesk.routing.Routing;
import org.tierdesk.routing.Routing.DryRun;
import org.tierdesk.routing.Routing.DryRunRequest;
import org.tierdesk.routing.Routing.ExplainRequest;
import org.tierdesk.routing.Routing.Explanation;
import org.tierdesk.routing.Routing.RuleSetInfo;
import org.tierdesk.routing.RuleSet;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.InvalidFieldException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/programs/{key}/routing")
@Tag(name = "Routing", description = "Ordered routing rules per program, versioned; explain and dry run")
class RoutingRestController {

	private final Routing routing;

	RoutingRestController(Routing routing) {
		this.routing = routing;
	}

	@GetMapping("/rules")
	@Operation(summary = "The rules in force (ETag: their version)")
	ResponseEntity<RuleSetInfo> current(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return withEtag(routing.current(me, key));
	}

	@PutMapping("/rules")
	@Operation(summary = "Save a new version of the rules; checked first, every problem named by rule and path")
	ResponseEntity<RuleSetInfo> save(@PathVariable String key, @RequestBody RuleSet rules,
			@RequestParam(required = false) String reason,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal DeskPrincipal me) {
		return withEtag(routing.save(me, key, rules, version(ifMatch), reason));
	}

	@GetMapping("/rules/versions")
	@Operation(summary = "Every saved version, newest first: who saved it, when, why")
	List<RuleSetInfo> versions(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return routing.versions(me, key);
	}

	@GetMapping("/rules/versions/{version}")
	RuleSetInfo version(@PathVariable String key, @PathVariable long version,
			@AuthenticationPrincipal DeskPrincipal me) {
		return routing.version(me, key, version);
	}

	@PostMapping("/explain")
	@Operation(summary = "Which rule routes a ticket (existing or hypothetical), why earlier ones do not, and where it goes")
	Explanation explain(@PathVariable String key, @RequestBody ExplainRequest request,
			@AuthenticationPrincipal DeskPrincipal me) {
		return routing.explain(me, key, request);
	}

	@PostMapping("/dry-run")
	@Operation(summary = "Replay proposed rules over the last N tickets and list how their routing would change")
	DryRun dryRun(@PathVariable String key, @RequestBody DryRunRequest request,
			@AuthenticationPrincipal DeskPrincipal me) {
		return routing.dryRun(me, key, request);
	}

	private static ResponseEntity<RuleSetInfo> withEtag(RuleSetInfo info) {
		return ResponseEntity.ok().eTag("\"" + info.version() + "\"").body(info);
	}

	private static Long version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return null;
		}
		String value = ifMatch.strip().replace("W/", "").replace("\"", "");
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException e) {
			throw new InvalidFieldException("If-Match", "send back the ETag of the rules you edited");
		}
	}
}
