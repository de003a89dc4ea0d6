package org.tierdesk.sla.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tierdesk.sla.ServiceLevels;
import org.tierdesk.sla.ServiceLevels.ClockView;
import org.tierdesk.sla.ServiceLevels.DefinitionInfo;
import org.tierdesk.sla.SlaForms.CalendarForm;
import org.tierdesk.sla.SlaForms.GroupTargetForm;
import org.tierdesk.sla.SlaForms.PolicyForm;
import org.tierdesk.system.DeskPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "SLA and OLA", description = "Business calendars, service level policies, group targets, ticket clocks")
class ServiceLevelRestController {

	private final ServiceLevels serviceLevels;

	ServiceLevelRestController(ServiceLevels serviceLevels) {
		this.serviceLevels = serviceLevels;
	}

	@GetMapping("/api/v1/programs/{key}/sla/calendars")
	List<DefinitionInfo<CalendarForm>> calendars(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return serviceLevels.calendars(me, key);
	}

	@PutMapping("/api/v1/programs/{key}/sla/calendars/{name}")
	@Operation(summary = "Create or change a business calendar; running clocks are recomputed")
	DefinitionInfo<CalendarForm> defineCalendar(@PathVariable String key, @PathVariable String name,
			@RequestBody CalendarForm form, @AuthenticationPrincipal DeskPrincipal me) {
		return serviceLevels.defineCalendar(me, key, name, form);
	}

	@GetMapping("/api/v1/programs/{key}/sla/policies")
	List<DefinitionInfo<PolicyForm>> policies(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return serviceLevels.policies(me, key);
	}

	@PutMapping("/api/v1/programs/{key}/sla/policies/{name}")
	@Operation(summary = "Create or change a service level policy; running clocks are recomputed, pauses kept")
	DefinitionInfo<PolicyForm> definePolicy(@PathVariable String key, @PathVariable String name,
			@RequestBody PolicyForm form, @AuthenticationPrincipal DeskPrincipal me) {
		return serviceLevels.definePolicy(me, key, name, form);
	}

	@GetMapping("/api/v1/programs/{key}/sla/group-targets")
	List<DefinitionInfo<GroupTargetForm>> groupTargets(@PathVariable String key,
			@AuthenticationPrincipal DeskPrincipal me) {
		return serviceLevels.groupTargets(me, key);
	}

	@PutMapping("/api/v1/programs/{key}/sla/group-targets/{group}")
	@Operation(summary = "The time a Tier 2/3 group (OLA) or Tier 4 vendor (underpinning contract) has to return work")
	DefinitionInfo<GroupTargetForm> defineGroupTarget(@PathVariable String key, @PathVariable String group,
			@RequestBody GroupTargetForm form, @AuthenticationPrincipal DeskPrincipal me) {
		return serviceLevels.defineGroupTarget(me, key, group, form);
	}

	@GetMapping("/api/v1/tickets/{number}/clocks")
	@Operation(summary = "The ticket's SLA clocks and each assignment's OLA clock: target, elapsed, paused, due, state, timeline")
	List<ClockView> clocks(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return serviceLevels.clocksOf(me, number);
	}
}
