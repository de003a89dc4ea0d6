package org.tierdesk.directory.web;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tierdesk.directory.PersonAssignment;
import org.tierdesk.directory.SupportGroups;
import org.tierdesk.directory.SupportGroups.GroupInfo;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.NotFoundException;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

@RestController
@RequestMapping("/api/v1/programs/{key}/groups")
@Tag(name = "Support groups", description = "The support groups of each tier of a program, and their members")
class SupportGroupRestController {

	private final SupportGroups groups;

	private final Programs programs;

	SupportGroupRestController(SupportGroups groups, Programs programs) {
		this.groups = groups;
		this.programs = programs;
	}

	record GroupView(long id, String program, String name, int tier, String tierName, boolean vendor, String email,
			String contractReference, Set<Long> members, PersonAssignment personAssignment) {
	}

	record CreateGroupRequest(@NotBlank String name, @NotNull @Min(1) @Max(4) Integer tier, String email,
			String contractReference) {
	}

	record MemberRequest(@NotNull Long userId) {
	}

	record PersonAssignmentRequest(PersonAssignment personAssignment) {
	}

	@GetMapping
	List<GroupView> list(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		Program program = staffProgram(key, me);
		return groups.inProgram(program.id()).stream().map(g -> view(program, g)).toList();
	}

	@GetMapping("/{id}")
	GroupView get(@PathVariable String key, @PathVariable long id, @AuthenticationPrincipal DeskPrincipal me) {
		Program program = staffProgram(key, me);
		return view(program, groupOf(program, id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	GroupView create(@PathVariable String key, @Valid @RequestBody CreateGroupRequest request,
			@AuthenticationPrincipal DeskPrincipal me) {
		Program program = managedProgram(key, me);
		return view(program, groups.create(program.id(), request.name(), request.tier(), request.email(),
				request.contractReference()));
	}

	@PostMapping("/{id}/members")
	GroupView addMember(@PathVariable String key, @PathVariable long id, @Valid @RequestBody MemberRequest request,
			@AuthenticationPrincipal DeskPrincipal me) {
		Program program = managedProgram(key, me);
		groupOf(program, id);
		return view(program, groups.addMember(id, request.userId()));
	}

	@DeleteMapping("/{id}/members/{userId}")
	GroupView removeMember(@PathVariable String key, @PathVariable long id, @PathVariable long userId,
			@AuthenticationPrincipal DeskPrincipal me) {
		Program program = managedProgram(key, me);
		groupOf(program, id);
		return view(program, groups.removeMember(id, userId));
	}

	/** How routing picks a person in this group: NONE (the group's queue), ROUND_ROBIN or LEAST_LOADED. */
	@org.springframework.web.bind.annotation.PutMapping("/{id}/person-assignment")
	GroupView personAssignment(@PathVariable String key, @PathVariable long id,
			@RequestBody PersonAssignmentRequest request, @AuthenticationPrincipal DeskPrincipal me) {
		Program program = managedProgram(key, me);
		groupOf(program, id);
		return view(program, groups.assignPeopleBy(id, request.personAssignment()));
	}

	private Program staffProgram(String key, DeskPrincipal me) {
		return programs.forStaff(me, key, "only desk staff see a program's support groups");
	}

	private Program managedProgram(String key, DeskPrincipal me) {
		return programs.forManagers(me, key, "only the program's managers or an administrator change its groups");
	}

	private GroupInfo groupOf(Program program, long id) {
		return groups.findById(id).filter(g -> g.programId() == program.id())
				.orElseThrow(() -> new NotFoundException("no support group " + id + " in " + program.key()));
	}

	private static GroupView view(Program program, GroupInfo g) {
		return new GroupView(g.id(), program.key(), g.name(), g.tier(), program.tierSetup().nameOf(g.tier()),
				g.isVendor(), g.email(), g.contractReference(), g.memberIds(), g.personAssignment());
	}
}
