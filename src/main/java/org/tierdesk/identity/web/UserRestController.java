package org.tierdesk.identity.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.NewAccount;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.identity.ApiTokens;
import org.tierdesk.identity.ApiTokens.IssuedToken;
import org.tierdesk.identity.ApiTokens.TokenInfo;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.system.Role;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Accounts, roles and personal API tokens")
class UserRestController {

	private final Accounts accounts;

	private final ApiTokens tokens;

	private final Programs programs;

	private final org.tierdesk.identity.PeopleAdministration people;

	UserRestController(Accounts accounts, ApiTokens tokens, Programs programs,
			org.tierdesk.identity.PeopleAdministration people) {
		this.people = people;
		this.accounts = accounts;
		this.tokens = tokens;
		this.programs = programs;
	}

	record UserView(long id, String username, String displayName, String email, String phone, String organization,
			String site, Set<Role> roles, List<String> programs) {
	}

	record CreateUserRequest(@NotBlank String username, @NotBlank String displayName, String email, String phone,
			String organization, String site, String password, @NotEmpty Set<Role> roles, Set<String> programs) {
	}

	record PasswordChange(@NotBlank String password) {
	}

	record TokenRequest(@NotBlank String name, @Positive Integer expiresInDays) {
	}

	record TokenView(long id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt, String token) {

		static TokenView of(TokenInfo t, String token) {
			return new TokenView(t.id(), t.name(), t.createdAt(), t.expiresAt(), t.revokedAt(), token);
		}
	}

	@GetMapping("/me")
	UserView me(@AuthenticationPrincipal DeskPrincipal me) {
		return view(accounts.byId(me.accountId()));
	}

	@PutMapping("/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changePassword(@Valid @RequestBody PasswordChange change, @AuthenticationPrincipal DeskPrincipal me) {
		accounts.changePassword(me.accountId(), change.password());
	}

	@GetMapping
	List<UserView> list(@RequestParam("program") String programKey, @RequestParam(required = false) Role role,
			@AuthenticationPrincipal DeskPrincipal me) {
		Program program = programs.findVisible(programKey, me)
				.orElseThrow(() -> new NotFoundException("no program " + programKey));
		if (!me.staffOf(program.id())) {
			throw new ForbiddenException("only desk staff list a program's people");
		}
		return accounts.inProgram(program.id(), role).stream().map(this::view).toList();
	}

	@GetMapping("/{id}")
	UserView get(@PathVariable long id, @AuthenticationPrincipal DeskPrincipal me) {
		Person person = accounts.findById(id).orElseThrow(() -> new NotFoundException("no user " + id));
		boolean self = person.id() == me.accountId();
		boolean colleague = me.isAdmin() || person.programIds().stream().anyMatch(me::staffOf);
		if (!self && !colleague) {
			throw new NotFoundException("no user " + id);
		}
		return view(person);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	UserView create(@Valid @RequestBody CreateUserRequest request, @AuthenticationPrincipal DeskPrincipal me) {
		return view(people.create(me, new NewAccount(request.username(), request.displayName(), request.email(),
				request.phone(), request.organization(), request.site(), request.password(), request.roles(), Set.of()),
				request.programs()));
	}

	@GetMapping("/me/tokens")
	List<TokenView> myTokens(@AuthenticationPrincipal DeskPrincipal me) {
		return tokens.of(me.accountId()).stream().map(t -> TokenView.of(t, null)).toList();
	}

	@PostMapping("/me/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	TokenView issueToken(@Valid @RequestBody TokenRequest request, @AuthenticationPrincipal DeskPrincipal me) {
		IssuedToken issued = tokens.issue(me.accountId(), request.name(),
				request.expiresInDays() == null ? null : Duration.ofDays(request.expiresInDays()));
		return TokenView.of(issued.info(), issued.token());
	}

	@DeleteMapping("/me/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revokeToken(@PathVariable long id, @AuthenticationPrincipal DeskPrincipal me) {
		tokens.revoke(me.accountId(), id);
	}

	private UserView view(Person p) {
		List<String> keys = programs.byIds(p.programIds()).stream().map(Program::key).sorted()
				.collect(Collectors.toList());
		return new UserView(p.id(), p.username(), p.displayName(), p.email(), p.phone(), p.organization(), p.site(),
				p.roles(), keys);
	}
}
