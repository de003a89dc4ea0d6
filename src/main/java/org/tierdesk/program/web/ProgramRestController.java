package org.tierdesk.program.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.program.Programs.ProgramSettings;
import org.tierdesk.program.TierSetup;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.NotFoundException;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

@RestController
@RequestMapping("/api/v1/programs")
@Tag(name = "Programs", description = "The programs (tenants) the desk serves and their tier set-up")
class ProgramRestController {

	private final Programs programs;

	ProgramRestController(Programs programs) {
		this.programs = programs;
	}

	record ProgramView(String key, String name, String timeZone, Map<Integer, String> tiers,
			boolean organizationVisibility, int autoCloseDays, boolean active) {

		static ProgramView of(Program p) {
			return new ProgramView(p.key(), p.name(), p.timeZone().getId(), p.tierSetup().names(),
					p.organizationVisibility(), p.autoCloseDays(), p.active());
		}
	}

	record CreateProgramRequest(@NotBlank String key, @NotBlank String name, String timeZone,
			Map<Integer, String> tiers, Boolean organizationVisibility, Integer autoCloseDays) {
	}

	record UpdateProgramRequest(String name, String timeZone, Map<Integer, String> tiers,
			Boolean organizationVisibility, Integer autoCloseDays) {
	}

	@GetMapping
	List<ProgramView> list(@AuthenticationPrincipal DeskPrincipal me) {
		List<Program> visible = me.isAdmin() ? programs.all() : programs.byIds(me.programIds());
		return visible.stream().map(ProgramView::of).toList();
	}

	@GetMapping("/{key}")
	ProgramView get(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return ProgramView.of(visible(key, me));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ProgramView create(@Valid @RequestBody CreateProgramRequest request, @AuthenticationPrincipal DeskPrincipal me) {
		if (!me.isAdmin()) {
			throw new ForbiddenException("only an administrator sets up programs");
		}
		return ProgramView.of(programs.create(request.key(), new ProgramSettings(request.name(), request.timeZone(),
				tiers(request.tiers()), request.organizationVisibility(), request.autoCloseDays())));
	}

	@PutMapping("/{key}")
	ProgramView update(@PathVariable String key, @RequestBody UpdateProgramRequest request,
			@AuthenticationPrincipal DeskPrincipal me) {
		Program program = visible(key, me);
		if (!me.manages(program.id())) {
			throw new ForbiddenException("only the program's managers or an administrator change its settings");
		}
		return ProgramView.of(programs.update(key, new ProgramSettings(request.name(), request.timeZone(),
				tiers(request.tiers()), request.organizationVisibility(), request.autoCloseDays())));
	}

	private Program visible(String key, DeskPrincipal me) {
		return programs.findVisible(key, me).orElseThrow(() -> new NotFoundException("no program " + key));
	}

	private static TierSetup tiers(Map<Integer, String> tiers) {
		return tiers == null ? null : new TierSetup(new TreeMap<>(tiers));
	}
}
