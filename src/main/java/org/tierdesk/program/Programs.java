package org.tierdesk.program;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.hibernate.Session;
import org.hibernate.SessionCheckMode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.system.RuleViolationException;

import jakarta.persistence.EntityManager;

/**
 * The program module's API: set up programs and look them up. Callers are responsible for checking that the
 * current user may see a program; this service answers for any program.
 */
@Service
@Transactional(readOnly = true)
public class Programs {

	private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_-]{1,19}");

	private final ProgramRepository programs;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final EntityManager entityManager;

	/** Program keys to ids, as this instance has met them (see {@link #findByKey}). */
	private final java.util.Map<String, Long> idsByKey = new java.util.concurrent.ConcurrentHashMap<>();

	Programs(ProgramRepository programs, Clock clock, ApplicationEventPublisher events, EntityManager entityManager) {
		this.entityManager = entityManager;
		this.programs = programs;
		this.clock = clock;
		this.events = events;
	}

	/** The settings of a program, as given when it is created or changed. */
	public record ProgramSettings(String name, String timeZone, TierSetup tiers, Boolean organizationVisibility,
			Integer autoCloseDays) {
	}

	@Transactional
	public Program create(String key, ProgramSettings settings) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new InvalidFieldException("key", "a program key is 2-20 capital letters, digits, '-' or '_', "
					+ "starting with a letter");
		}
		if (findByKey(key).isPresent()) {
			throw new RuleViolationException("key", "a program with key " + key + " already exists");
		}
		Program program = new Program(key, requireName(settings.name()), zone(settings.timeZone()),
				settings.tiers() == null ? TierSetup.allTiers() : settings.tiers(),
				Boolean.TRUE.equals(settings.organizationVisibility()), autoCloseDays(settings.autoCloseDays(), 5),
				clock.instant());
		programs.save(program);
		events.publishEvent(new ProgramCreated(program.id(), key));
		return program;
	}

	/**
	 * Creates a program that is being onboarded: set up like any other, but its channels refuse tickets until
	 * {@link #activate} is called.
	 */
	@Transactional
	public Program createOnboarding(String key, ProgramSettings settings) {
		Program program = create(key, settings);
		program.onboarding();
		return program;
	}

	/** Activates an onboarded program: from now on it takes tickets. */
	@Transactional
	public Program activate(String key) {
		Program program = byKey(key);
		if (program.active()) {
			throw new RuleViolationException("program " + key + " is already active");
		}
		program.activate(clock.instant());
		return program;
	}

	@Transactional
	public Program update(String key, ProgramSettings settings) {
		Program program = byKey(key);
		program.update(settings.name() == null ? program.name() : requireName(settings.name()),
				settings.timeZone() == null ? program.timeZone() : zone(settings.timeZone()),
				settings.tiers() == null ? program.tierSetup() : settings.tiers(),
				settings.organizationVisibility() == null ? program.organizationVisibility()
						: settings.organizationVisibility(),
				autoCloseDays(settings.autoCloseDays(), program.autoCloseDays()));
		return program;
	}

	/** The program if the caller may see it; "not found" otherwise, so its existence does not leak. */
	public Program visibleTo(DeskPrincipal me, String key) {
		return findVisible(key, me).orElseThrow(() -> new NotFoundException("no program " + key));
	}

	/** The program for its desk staff: "not found" when invisible, {@code refusal} (403) when not staff. */
	public Program forStaff(DeskPrincipal me, String key, String refusal) {
		Program program = visibleTo(me, key);
		if (!me.staffOf(program.id())) {
			throw new org.tierdesk.system.ForbiddenException(refusal);
		}
		return program;
	}

	/** The programs a page may show its reader, and the one it shows: the one asked for, else the first. */
	public record Choice(List<Program> programs, String key) {
	}

	/** For a console page: the programs the person staffs, and the one asked for (else the first, or none). */
	@Transactional(readOnly = true)
	public Choice staffChoice(DeskPrincipal me, String requested) {
		List<Program> mine = staffedBy(me);
		return new Choice(mine, requested != null && !requested.isBlank() ? requested.strip()
				: mine.isEmpty() ? null : mine.get(0).key());
	}

	/** The programs whose tickets this person works as desk staff (every program for an administrator), by key. */
	@Transactional(readOnly = true)
	public List<Program> staffedBy(DeskPrincipal me) {
		return (me.isAdmin() ? all() : byIds(me.programIds())).stream().filter(p -> me.staffOf(p.id()))
			.sorted(java.util.Comparator.comparing(Program::key)).toList();
	}

	/** The program for its managers and administrators: "not found" when invisible, {@code refusal} otherwise. */
	public Program forManagers(DeskPrincipal me, String key, String refusal) {
		Program program = visibleTo(me, key);
		if (!me.manages(program.id())) {
			throw new org.tierdesk.system.ForbiddenException(refusal);
		}
		return program;
	}

	/** @throws NotFoundException when no program has this key */
	public Program byKey(String key) {
		return findByKey(key).orElseThrow(() -> new NotFoundException("no program " + key));
	}

	/**
	 * The program with this key, loaded by its id (the persistence context's first, tiers joined in one query). A key
	 * names one program for good (keys never change and programs are never removed), so each instance remembers the
	 * id behind a key once it has seen it: Hibernate builds a new query for every load by natural id, and this lookup
	 * runs on every request that names a program.
	 */
	public Optional<Program> findByKey(String key) {
		if (key == null) {
			return Optional.empty();
		}
		Long remembered = idsByKey.get(key);
		if (remembered != null) {
			Program program = entityManager.find(Program.class, remembered);
			if (program != null) {
				return Optional.of(program);
			}
			idsByKey.remove(key, remembered); // seen in a transaction that rolled back: ask again
		}
		List<Long> found = entityManager.createQuery("select p.id from Program p where p.key = :key", Long.class)
			.setParameter("key", key).getResultList();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		idsByKey.put(key, found.get(0));
		return Optional.ofNullable(entityManager.find(Program.class, found.get(0)));
	}

	/** The program with this key if the person acts in it; empty otherwise, so its existence does not leak. */
	public Optional<Program> findVisible(String key, DeskPrincipal me) {
		return findByKey(key).filter(p -> me.actsIn(p.id()));
	}

	/** @throws NotFoundException when no program has this id */
	public Program byId(long id) {
		return programs.findById(id).orElseThrow(() -> new NotFoundException("no program " + id));
	}

	/** The programs with these ids, ordered by key; reuses what this transaction already loaded. */
	public List<Program> byIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return entityManager.unwrap(Session.class)
			.findMultiple(Program.class, List.copyOf(new java.util.HashSet<>(ids)), SessionCheckMode.ENABLED)
			.stream().filter(java.util.Objects::nonNull).sorted(java.util.Comparator.comparing(Program::key))
			.toList();
	}

	public List<Program> all() {
		return programs.findAllByOrderByKey();
	}

	private static String requireName(String name) {
		if (name == null || name.isBlank() || name.length() > 200) {
			throw new InvalidFieldException("name", "a program needs a name of 1-200 characters");
		}
		return name.strip();
	}

	private static ZoneId zone(String zone) {
		if (zone == null) {
			return ZoneId.of("UTC");
		}
		try {
			return ZoneId.of(zone);
		}
		catch (DateTimeException e) {
			throw new InvalidFieldException("timeZone", "unknown time zone '" + zone + "'");
		}
	}

	private static int autoCloseDays(Integer days, int fallback) {
		if (days == null) {
			return fallback;
		}
		if (days < 1 || days > 90) {
			throw new InvalidFieldException("autoCloseDays", "auto-close is 1 to 90 days");
		}
		return days;
	}
}
