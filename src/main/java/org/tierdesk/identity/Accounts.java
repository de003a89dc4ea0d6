package org.tierdesk.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.hibernate.Session;
import org.hibernate.SessionCheckMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.system.RuleViolationException;
import org.tierdesk.system.Role;

import jakarta.persistence.EntityManager;

/** The identity module's API: create accounts and look people up. */
@Service
@Transactional(readOnly = true)
public class Accounts {

	private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._@-]{1,99}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	static final int MIN_PASSWORD_LENGTH = 8;

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final Programs programs;

	private final Clock clock;

	private final EntityManager entityManager;

	/**
	 * People by id. What a person shows (name, addresses, organization, roles, programs) is fixed when the account is
	 * made, so what is remembered cannot go stale; the TTL only bounds how long a later edit made on another instance
	 * could take to be seen. Intake reads the requester of every new ticket.
	 */
	private final Cache<Long, Person> people;

	Accounts(AccountRepository accounts, PasswordEncoder passwordEncoder, Programs programs, Clock clock,
			EntityManager entityManager, @Value("${tierdesk.identity.person-cache-ttl:60s}") Duration peopleTtl) {
		this.people = Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(peopleTtl).build();
		this.entityManager = entityManager;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.programs = programs;
		this.clock = clock;
	}

	/** A new account as requested; {@code password} may be null for people who never log in (e.g. phone callers). */
	public record NewAccount(String username, String displayName, String email, String phone, String organization,
			String site, String password, Set<Role> roles, Set<Long> programIds) {
	}

	/** What other modules need to show about a person. */
	public record Person(long id, String username, String displayName, String email, String phone,
			String organization, String site, Set<Role> roles, Set<Long> programIds) {

		static Person of(Account a) {
			return new Person(a.id(), a.username(), a.displayName(), a.email(), a.phone(), a.organization(), a.site(),
					a.roles(), a.programIds());
		}

		public boolean has(Role role) {
			return roles.contains(role);
		}

		/** This person as the desk's principal, for acting on their behalf (the demo, tests). */
		public DeskPrincipal principal() {
			return new DeskPrincipal(id, username, displayName, roles, programIds);
		}
	}

	@Transactional
	public Person create(NewAccount request) {
		if (request.username() == null || !USERNAME.matcher(request.username()).matches()) {
			throw new InvalidFieldException("username", "a username is 2-100 letters, digits, '.', '_', '@' or '-'");
		}
		if (request.displayName() == null || request.displayName().isBlank() || request.displayName().length() > 200) {
			throw new InvalidFieldException("displayName", "a display name of 1-200 characters is required");
		}
		if (request.email() != null && !EMAIL.matcher(request.email()).matches()) {
			throw new InvalidFieldException("email", "not an email address");
		}
		if (request.roles() == null || request.roles().isEmpty()) {
			throw new InvalidFieldException("roles", "at least one role is required");
		}
		Set<Long> programIds = request.programIds() == null ? Set.of() : request.programIds();
		programIds.forEach(programs::byId);
		if (request.roles().contains(Role.CUSTOMER) && programIds.size() != 1) {
			throw new InvalidFieldException("programs", "a customer belongs to exactly one program");
		}
		if (!request.roles().contains(Role.ADMIN) && programIds.isEmpty()) {
			throw new InvalidFieldException("programs", "everyone but an administrator acts in at least one program");
		}
		if (request.password() != null && request.password().length() < MIN_PASSWORD_LENGTH) {
			throw new InvalidFieldException("password", "a password has at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		if (accounts.findByUsername(request.username()).isPresent()) {
			throw new RuleViolationException("username", "the username " + request.username() + " is taken");
		}
		Account account = new Account(request.username(), request.displayName().strip(), request.email(),
				request.phone(), request.organization(), request.site(),
				request.password() == null ? null : passwordEncoder.encode(request.password()),
				EnumSet.copyOf(request.roles()), programIds, clock.instant());
		return Person.of(accounts.save(account));
	}

	@Transactional
	public void changePassword(long accountId, String newPassword) {
		if (newPassword == null || newPassword.length() < MIN_PASSWORD_LENGTH) {
			throw new InvalidFieldException("password", "a password has at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		account(accountId).changePassword(passwordEncoder.encode(newPassword));
	}

	/** @throws NotFoundException when there is no such account */
	public Person byId(long id) {
		return findById(id).orElseThrow(() -> new NotFoundException("no account " + id));
	}

	/** The person with this id; remembered per instance (see {@code people}). */
	public Optional<Person> findById(long id) {
		// an unknown id is not remembered (the loader's null)
		return Optional.ofNullable(people.get(id, k -> accounts.findById(k).map(Person::of).orElse(null)));
	}

	/** The person of a program with this email address (any case); the oldest account when several share it. */
	public Optional<Person> findByEmail(long programId, String email) {
		String key = Account.emailKey(email);
		return key == null ? Optional.empty()
				: accounts.findByEmailInProgram(programId, key).stream().findFirst().map(Person::of);
	}

	/** The person of a program with this phone number, written in any form (national or international). */
	public Optional<Person> findByPhone(long programId, String phone) {
		String key = Account.phoneKey(phone);
		return key == null ? Optional.empty()
				: accounts.findByPhoneInProgram(programId, key).stream().findFirst().map(Person::of);
	}

	/** The first person of a program from this organization (a formal message's originator), in any case. */
	public Optional<Person> findByOrganization(long programId, String organization) {
		return organization == null || organization.isBlank() ? Optional.empty()
				: accounts.findByOrganizationInProgram(programId, organization.strip().toUpperCase(java.util.Locale.ROOT))
					.stream().findFirst().map(Person::of);
	}

	/** People of a program with a role whose name contains {@code part} (any case), at most {@code limit}. */
	public List<Person> findByName(long programId, Role role, String part, int limit) {
		String escaped = part.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
			.replace("_", "\\_");
		return accounts.findByNameInProgram(programId, role, "%" + escaped + "%",
				org.springframework.data.domain.Limit.of(limit)).stream().map(Person::of).toList();
	}

	/** A username not yet taken, built from {@code wanted} (an email address, a phone number, a name). */
	public String freeUsername(String wanted) {
		String base = wanted == null ? "" : wanted.strip().toLowerCase(java.util.Locale.ROOT)
			.replaceAll("[^a-z0-9._@-]", "-").replaceAll("^[^a-z0-9]+", "");
		if (base.length() < 2) {
			base = "requester-" + base;
		}
		base = base.length() > 90 ? base.substring(0, 90) : base;
		String candidate = base;
		for (int n = 2; accounts.existsByUsername(candidate); n++) {
			candidate = base + "-" + n;
		}
		return candidate;
	}

	public Optional<Person> findByUsername(String username) {
		return accounts.findByUsername(username).map(Person::of);
	}

	/** The people with these ids; unknown ids are left out. Reads only those not remembered (see {@code people}). */
	public Map<Long, Person> byIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return people.getAll(new java.util.HashSet<>(ids), missing -> entityManager.unwrap(Session.class)
			.findMultiple(Account.class, List.copyOf(missing), SessionCheckMode.ENABLED)
			.stream().filter(java.util.Objects::nonNull).map(Person::of)
			.collect(Collectors.toMap(Person::id, Function.identity())));
	}

	/** The people of a program, optionally only those with a role, ordered by username. */
	public List<Person> inProgram(long programId, Role role) {
		return accounts.findInProgram(programId, role).stream().map(Person::of).toList();
	}

	public boolean any() {
		return accounts.count() > 0;
	}

	private Account account(long id) {
		return accounts.findById(id).orElseThrow(() -> new NotFoundException("no account " + id));
	}
}
