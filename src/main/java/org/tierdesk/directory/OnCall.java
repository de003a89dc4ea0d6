package org.tierdesk.directory;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.directory.Directory.SystemInfo;
import org.tierdesk.directory.OnCallRotation.StoredOverride;
import org.tierdesk.directory.ProgramCoverage.Holiday;
import org.tierdesk.directory.ProgramCoverage.Hours;
import org.tierdesk.directory.SupportGroups.GroupInfo;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidRowsException;
import org.tierdesk.system.InvalidRowsException.RowProblem;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.system.NameKey;
import org.tierdesk.system.TimeOfDay;

/**
 * Who covers a program when: its office hours and holidays, what happens after hours, the on-call rotations of its
 * support groups (with overrides), and who is away. Answers "who is on call now for system X" and "who covers
 * program P at this instant", and tells routing whom it may give work to.
 */
@Service
@Transactional(readOnly = true)
public class OnCall {

	private static final List<String> PRIORITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "PLANNING");

	private final OnCallRotationRepository rotations;

	private final ProgramCoverageRepository coverages;

	private final MemberAbsenceRepository absences;

	private final DirectoryChangeRepository changes;

	private final SupportGroups groups;

	private final Directory directory;

	private final Programs programs;

	private final Accounts accounts;

	private final Clock clock;

	/**
	 * Each program's office hours and after-hours rule, as routing reads them for every new ticket: kept for
	 * {@code tierdesk.directory.routing-cache-ttl}, forgotten at once on this instance when the coverage is changed.
	 */
	private final com.github.benmanes.caffeine.cache.Cache<Long, Coverage> coverageCache;

	/** What routing needs of a program's coverage. */
	private record Coverage(OfficeHours hours, AfterHoursRule afterHoursRule) {
	}

	OnCall(OnCallRotationRepository rotations, ProgramCoverageRepository coverages, MemberAbsenceRepository absences,
			DirectoryChangeRepository changes, SupportGroups groups, Directory directory, Programs programs,
			Accounts accounts, Clock clock,
			@org.springframework.beans.factory.annotation.Value("${tierdesk.directory.routing-cache-ttl:10s}") java.time.Duration ttl) {
		this.coverageCache = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(1_000)
			.expireAfterWrite(ttl).build();
		this.rotations = rotations;
		this.coverages = coverages;
		this.absences = absences;
		this.changes = changes;
		this.groups = groups;
		this.directory = directory;
		this.programs = programs;
		this.accounts = accounts;
		this.clock = clock;
	}

	// -- forms and views ------------------------------------------------------------------------------------------

	/**
	 * An on-call rotation: members (usernames, in turn order) of one group take shifts of {@code shiftDays} days,
	 * handing over at {@code handover} (HH:mm, program time) from {@code startsOn}.
	 */
	public record RotationForm(String name, String group, List<String> members, Integer shiftDays, String handover,
			String startsOn, List<OverrideForm> overrides) {
	}

	/** Someone covers instead, {@code from} until {@code until}: local program time or with an offset. */
	public record OverrideForm(String person, String from, String until, String reason) {
	}

	/**
	 * Office hours per weekday ({@code "MONDAY": ["08:00-12:00","13:00-17:00"]}), holidays ({@code 2026-12-25} once,
	 * {@code --12-25} every year), and after hours: {@code ON_CALL}, {@code NONE} or {@code DESK_24X7}. After hours,
	 * only {@code emergencyPriorities} (all when empty) reach the on-call person.
	 */
	public record CoverageForm(Map<String, List<String>> officeHours, List<String> holidays, String afterHours,
			List<String> emergencyPriorities, String notes) {
	}

	public record AbsenceForm(String person, String from, String until, String reason) {
	}

	public record RotationInfo(String name, String group, long groupId, List<String> members, int shiftDays,
			LocalTime handover, LocalDate startsOn, List<OverrideInfo> overrides, Turn onCallNow) {
	}

	public record OverrideInfo(String person, Instant from, Instant until, String reason) {
	}

	/** A person on call: how to reach them, from when until when, and why if it is an override. */
	public record Turn(long personId, String person, String displayName, String phone, String email, Instant from,
			Instant until, boolean override, String reason) {
	}

	public record CoverageInfo(String program, ZoneId timeZone, AfterHours afterHours,
			Map<DayOfWeek, List<String>> officeHours, List<String> holidays, List<String> emergencyPriorities,
			String notes, boolean defined) {
	}

	/** The answer to "who is on call now for system X". */
	public record SystemOnCall(String program, String system, Instant at, boolean officeHours,
			AfterHours afterHours, List<TierCover> tiers) {
	}

	/** At one tier: the cognizant authority's group and contact, and its on-call person if it has a rotation. */
	public record TierCover(int tier, String group, String contact, String phone, String email, String rotation,
			Turn onCall) {
	}

	/** The answer to "who covers program P at this instant". */
	public record ProgramCover(String program, Instant at, boolean officeHours, AfterHours afterHours,
			List<GroupCover> groups, String notes) {
	}

	public record GroupCover(String group, int tier, String rotation, List<String> available, Turn onCall) {
	}

	public record AbsenceInfo(long id, String person, Instant from, Instant until, String reason) {
	}

	/** After-hours rules for routing. */
	public record AfterHoursRule(AfterHours afterHours, List<String> emergencyPriorities) {

		/** After hours, does work of this priority reach the on-call person? */
		public boolean reachesOnCall(String priority) {
			return afterHours == AfterHours.ON_CALL
					&& (emergencyPriorities.isEmpty() || emergencyPriorities.contains(priority));
		}
	}

	// -- rotations ------------------------------------------------------------------------------------------------

	public List<RotationInfo> rotations(DeskPrincipal me, String programKey) {
		Program program = readable(me, programKey);
		return rotations.findByProgramIdOrderByName(program.id()).stream().map(r -> info(program, r)).toList();
	}

	public RotationInfo rotation(DeskPrincipal me, String programKey, String name) {
		Program program = readable(me, programKey);
		return info(program, rotationNamed(program, name));
	}

	/** Creates or replaces a rotation by name; every problem is reported at once and nothing is half-applied. */
	@Transactional
	public RotationInfo defineRotation(DeskPrincipal me, String programKey, RotationForm form) {
		Program program = managed(me, programKey);
		List<RowProblem> problems = new ArrayList<>();
		Checked checked = check(program, form, 1, "", problems);
		if (!problems.isEmpty()) {
			throw new InvalidRowsException("The rotation was not saved: " + problems.size() + " problem(s).",
					problems);
		}
		return info(program, apply(program, checked, me.accountId()));
	}

	@Transactional
	public void deleteRotation(DeskPrincipal me, String programKey, String name) {
		Program program = managed(me, programKey);
		OnCallRotation r = rotationNamed(program, name);
		changes.save(new DirectoryChange(program.id(), "rotation " + r.name(), "rotation", r.describe(), null,
				me.accountId(), clock.instant()));
		rotations.delete(r);
	}

	/** Adds a swap or holiday cover to a rotation; program managers and the rotation group's own members may. */
	@Transactional
	public RotationInfo addOverride(DeskPrincipal me, String programKey, String name, OverrideForm form) {
		Program program = visible(me, programKey);
		OnCallRotation r = rotationNamed(program, name);
		if (!me.manages(program.id()) && !groups.byId(r.groupId()).memberIds().contains(me.accountId())) {
			throw new ForbiddenException("only the program's managers or the rotation's group change its cover");
		}
		List<RowProblem> problems = new ArrayList<>();
		Optional<StoredOverride> o = override(program, form, 1, "", problems);
		if (!problems.isEmpty()) {
			throw new InvalidRowsException("The override was not saved.", problems);
		}
		String before = r.describe();
		r.addOverride(o.orElseThrow());
		changes.save(new DirectoryChange(program.id(), "rotation " + r.name(), "override", before, r.describe(),
				me.accountId(), clock.instant()));
		return info(program, r);
	}

	/** A rotation that passed its checks. */
	record Checked(String name, String nameKey, GroupInfo group, int shiftDays, LocalTime handover,
			LocalDate startsOn, List<Long> members, List<StoredOverride> overrides) {
	}

	/** Checks a rotation form, adding every problem under {@code prefix} at {@code line}. */
	Checked check(Program program, RotationForm form, int line, String prefix, List<RowProblem> problems) {
		int before = problems.size();
		if (form == null) {
			problems.add(new RowProblem(line, prefix + "name", "a rotation is required"));
			return null;
		}
		String name = form.name() == null ? "" : form.name().strip();
		if (name.isEmpty() || name.length() > 200) {
			problems.add(new RowProblem(line, prefix + "name", "a rotation needs a name of 1-200 characters"));
		}
		GroupInfo group = null;
		if (form.group() == null || form.group().isBlank()) {
			problems.add(new RowProblem(line, prefix + "group", "name the support group that stands this rotation"));
		}
		else {
			group = groups.inProgram(program.id()).stream()
				.filter(g -> NameKey.of(g.name()).equals(NameKey.of(form.group()))).findFirst().orElse(null);
			if (group == null) {
				problems.add(new RowProblem(line, prefix + "group",
						"program " + program.key() + " has no support group " + form.group()));
			}
		}
		int shiftDays = form.shiftDays() == null ? 7 : form.shiftDays();
		if (shiftDays < 1 || shiftDays > 28) {
			problems.add(new RowProblem(line, prefix + "shiftDays", "a shift lasts 1 to 28 days"));
		}
		LocalTime handover = time(form.handover() == null ? "08:00" : form.handover(), line, prefix + "handover",
				problems);
		LocalDate startsOn = null;
		if (form.startsOn() == null) {
			problems.add(new RowProblem(line, prefix + "startsOn", "the date of the first hand-over is required"));
		}
		else {
			try {
				startsOn = LocalDate.parse(form.startsOn().strip());
			}
			catch (DateTimeException e) {
				problems.add(new RowProblem(line, prefix + "startsOn", "not a date (YYYY-MM-DD): " + form.startsOn()));
			}
		}
		List<Long> members = new ArrayList<>();
		if (form.members() == null || form.members().isEmpty()) {
			problems.add(new RowProblem(line, prefix + "members", "a rotation needs at least one member"));
		}
		else {
			for (int i = 0; i < form.members().size(); i++) {
				String username = form.members().get(i);
				Optional<Person> p = username == null ? Optional.empty() : accounts.findByUsername(username.strip());
				if (p.isEmpty()) {
					problems.add(new RowProblem(line, prefix + "members[" + i + "]", "no user " + username));
				}
				else if (group != null && !group.memberIds().contains(p.get().id())) {
					problems.add(new RowProblem(line, prefix + "members[" + i + "]",
							username + " is not a member of " + group.name()));
				}
				else if (members.contains(p.get().id())) {
					problems.add(new RowProblem(line, prefix + "members[" + i + "]", username + " is listed twice"));
				}
				else {
					members.add(p.get().id());
				}
			}
		}
		List<StoredOverride> overrides = new ArrayList<>();
		List<OverrideForm> overrideForms = form.overrides() == null ? List.of() : form.overrides();
		for (int i = 0; i < overrideForms.size(); i++) {
			override(program, overrideForms.get(i), line, prefix + "overrides[" + i + "].", problems)
				.ifPresent(overrides::add);
		}
		if (problems.size() > before) {
			return null;
		}
		return new Checked(name, NameKey.of(name), group, shiftDays, handover, startsOn, members, overrides);
	}

	OnCallRotation apply(Program program, Checked c, long actorId) {
		OnCallRotation r = rotations.findByProgramIdAndNameKey(program.id(), c.nameKey())
			.orElseGet(() -> new OnCallRotation(program.id(), c.nameKey()));
		boolean isNew = r.id() == null;
		String before = r.define(c.name(), c.group().id(), c.shiftDays(), c.handover(), c.startsOn(), c.members(),
				c.overrides());
		if (isNew) {
			rotations.save(r);
		}
		if (isNew || !before.isEmpty()) {
			changes.save(new DirectoryChange(program.id(), "rotation " + c.name(), "rotation",
					isNew ? null : before, r.describe(), actorId, clock.instant()));
		}
		return r;
	}

	private Optional<StoredOverride> override(Program program, OverrideForm form, int line, String prefix,
			List<RowProblem> problems) {
		int before = problems.size();
		Optional<Person> person = form.person() == null ? Optional.empty()
				: accounts.findByUsername(form.person().strip());
		if (person.isEmpty() || !person.get().programIds().contains(program.id())) {
			problems.add(new RowProblem(line, prefix + "person", "no user " + form.person() + " in " + program.key()));
		}
		Instant from = instant(program, form.from(), line, prefix + "from", problems);
		Instant until = instant(program, form.until(), line, prefix + "until", problems);
		if (from != null && until != null && !until.isAfter(from)) {
			problems.add(new RowProblem(line, prefix + "until", "an override ends after it starts"));
		}
		if (form.reason() != null && form.reason().length() > 500) {
			problems.add(new RowProblem(line, prefix + "reason", "at most 500 characters"));
		}
		if (problems.size() > before) {
			return Optional.empty();
		}
		return Optional.of(new StoredOverride(person.get().id(), from, until, form.reason()));
	}

	// -- coverage -------------------------------------------------------------------------------------------------

	public CoverageInfo coverage(DeskPrincipal me, String programKey) {
		Program program = readable(me, programKey);
		return coverageInfo(program, coverages.findById(program.id()).orElse(null));
	}

	/** Sets the program's office hours, holidays and after-hours coverage; every problem is reported at once. */
	@Transactional
	public CoverageInfo defineCoverage(DeskPrincipal me, String programKey, CoverageForm form) {
		Program program = managed(me, programKey);
		List<RowProblem> problems = new ArrayList<>();
		CheckedCoverage c = check(form, 1, "", problems);
		if (!problems.isEmpty()) {
			throw new InvalidRowsException("The coverage was not saved: " + problems.size() + " problem(s).",
					problems);
		}
		return coverageInfo(program, apply(program, c, me.accountId()));
	}

	record CheckedCoverage(AfterHours afterHours, List<String> emergencyPriorities, String notes, List<Hours> hours,
			List<Holiday> holidays) {
	}

	CheckedCoverage check(CoverageForm form, int line, String prefix, List<RowProblem> problems) {
		int before = problems.size();
		if (form == null) {
			problems.add(new RowProblem(line, prefix + "afterHours", "coverage is required"));
			return null;
		}
		AfterHours afterHours = AfterHours.ON_CALL;
		if (form.afterHours() != null) {
			try {
				afterHours = AfterHours.valueOf(form.afterHours().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				problems.add(new RowProblem(line, prefix + "afterHours", "choose ON_CALL, NONE or DESK_24X7"));
			}
		}
		List<Hours> hours = new ArrayList<>();
		Map<String, List<String>> week = form.officeHours() == null ? Map.of() : form.officeHours();
		for (var day : week.entrySet()) {
			DayOfWeek dow;
			try {
				dow = DayOfWeek.valueOf(day.getKey().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				problems.add(new RowProblem(line, prefix + "officeHours." + day.getKey(),
						"not a day of the week (MONDAY..SUNDAY)"));
				continue;
			}
			List<String> intervals = day.getValue() == null ? List.of() : day.getValue();
			List<Hours> ofDay = new ArrayList<>();
			for (int i = 0; i < intervals.size(); i++) {
				String field = prefix + "officeHours." + day.getKey() + "[" + i + "]";
				String[] parts = intervals.get(i) == null ? new String[0] : intervals.get(i).split("-");
				if (parts.length != 2) {
					problems.add(new RowProblem(line, field, "write an interval as HH:mm-HH:mm"));
					continue;
				}
				LocalTime start = time(parts[0], line, field, problems);
				LocalTime end = time(parts[1], line, field, problems);
				if (start == null || end == null) {
					continue;
				}
				if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
					problems.add(new RowProblem(line, field, "an interval ends after it starts (24:00 is 00:00)"));
					continue;
				}
				Hours h = new Hours(dow, start, end);
				if (ofDay.stream().anyMatch(o -> overlaps(o, h))) {
					problems.add(new RowProblem(line, field, "overlaps another interval of " + dow));
					continue;
				}
				ofDay.add(h);
			}
			hours.addAll(ofDay);
		}
		if (afterHours != AfterHours.DESK_24X7 && hours.isEmpty() && problems.size() == before) {
			problems.add(new RowProblem(line, prefix + "officeHours",
					"give the office hours, or choose DESK_24X7 for a desk staffed round the clock"));
		}
		List<Holiday> holidays = new ArrayList<>();
		List<String> days = form.holidays() == null ? List.of() : form.holidays();
		for (int i = 0; i < days.size(); i++) {
			String text = days.get(i) == null ? "" : days.get(i).strip();
			try {
				if (text.startsWith("--")) {
					holidays.add(new Holiday(null, MonthDay.parse(text).toString(), null));
				}
				else {
					holidays.add(new Holiday(LocalDate.parse(text), null, null));
				}
			}
			catch (DateTimeException e) {
				problems.add(new RowProblem(line, prefix + "holidays[" + i + "]",
						"a holiday is a date (2026-12-25) or a yearly day (--12-25): " + text));
			}
		}
		List<String> emergency = new ArrayList<>();
		List<String> given = form.emergencyPriorities() == null ? List.of() : form.emergencyPriorities();
		for (int i = 0; i < given.size(); i++) {
			String p = given.get(i) == null ? "" : given.get(i).strip().toUpperCase(Locale.ROOT);
			if (!PRIORITIES.contains(p)) {
				problems.add(new RowProblem(line, prefix + "emergencyPriorities[" + i + "]",
						"not a priority: " + given.get(i) + " (" + String.join(", ", PRIORITIES) + ")"));
			}
			else if (!emergency.contains(p)) {
				emergency.add(p);
			}
		}
		if (form.notes() != null && form.notes().length() > 2000) {
			problems.add(new RowProblem(line, prefix + "notes", "at most 2000 characters"));
		}
		if (problems.size() > before) {
			return null;
		}
		hours.sort(Comparator.comparing(Hours::day).thenComparing(Hours::start));
		return new CheckedCoverage(afterHours, emergency, form.notes(), hours, holidays);
	}

	ProgramCoverage apply(Program program, CheckedCoverage c, long actorId) {
		org.tierdesk.system.AfterCommit.forgetNowAndAtEnd(() -> coverageCache.invalidate(program.id()));
		ProgramCoverage coverage = coverages.findById(program.id()).orElse(null);
		boolean isNew = coverage == null;
		if (isNew) {
			coverage = new ProgramCoverage(program.id());
		}
		String before = coverage.define(c.afterHours(), c.emergencyPriorities(), c.notes(), c.hours(), c.holidays());
		if (isNew) {
			coverages.save(coverage);
		}
		if (isNew || before != null) {
			changes.save(new DirectoryChange(program.id(), "coverage", "coverage", isNew ? null : before,
					coverage.describe(), actorId, clock.instant()));
		}
		return coverage;
	}

	private static boolean overlaps(Hours a, Hours b) {
		return TimeOfDay.overlap(a.start(), a.end(), b.start(), b.end());
	}

	// -- absences -------------------------------------------------------------------------------------------------

	@Transactional
	public AbsenceInfo recordAbsence(DeskPrincipal me, String programKey, AbsenceForm form) {
		Program program = visible(me, programKey);
		Person person = form.person() == null ? null
				: accounts.findByUsername(form.person().strip())
					.filter(p -> p.programIds().contains(program.id())).orElse(null);
		if (person != null && !me.manages(program.id()) && person.id() != me.accountId()) {
			throw new ForbiddenException("people record their own absences; managers record anyone's");
		}
		if (!me.staffOf(program.id()) && !me.manages(program.id())) {
			throw new ForbiddenException("only desk staff record absences");
		}
		List<RowProblem> problems = new ArrayList<>();
		if (person == null) {
			problems.add(new RowProblem(1, "person", "no user " + form.person() + " in " + program.key()));
		}
		Instant from = instant(program, form.from(), 1, "from", problems);
		Instant until = instant(program, form.until(), 1, "until", problems);
		if (from != null && until != null && !until.isAfter(from)) {
			problems.add(new RowProblem(1, "until", "an absence ends after it starts"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRowsException("The absence was not recorded.", problems);
		}
		MemberAbsence a = absences.save(new MemberAbsence(program.id(), person.id(), from, until, form.reason(),
				me.accountId()));
		changes.save(new DirectoryChange(program.id(), "absence " + person.username(), "absence", null,
				from + ".." + until + (form.reason() == null ? "" : " " + form.reason()), me.accountId(),
				clock.instant()));
		return new AbsenceInfo(a.id(), person.username(), from, until, form.reason());
	}

	public List<AbsenceInfo> absences(DeskPrincipal me, String programKey) {
		Program program = readable(me, programKey);
		List<MemberAbsence> found = absences.currentAndComing(program.id(), clock.instant());
		Map<Long, Person> people = accounts.byIds(found.stream().map(MemberAbsence::accountId).distinct().toList());
		return found.stream().map(a -> new AbsenceInfo(a.id(), people.get(a.accountId()).username(), a.from(),
				a.until(), a.reason())).toList();
	}

	// -- questions ------------------------------------------------------------------------------------------------

	/** Who is on call for a system at an instant: each tier's authority, and its on-call person. */
	public SystemOnCall forSystem(DeskPrincipal me, String programKey, String system, Instant at) {
		Program program = readable(me, programKey);
		SystemInfo s = directory.lookUp(program.id(), system)
			.orElseThrow(() -> new NotFoundException("program " + programKey + " has no system " + system));
		Instant when = at == null ? clock.instant() : at;
		ProgramCoverage coverage = coverages.findById(program.id()).orElse(null);
		boolean open = officeHours(program, coverage).isOpen(when);
		List<TierCover> tiers = new ArrayList<>();
		for (var a : s.authorities()) {
			Optional<OnCallRotation> r = rotations.findByGroupId(a.groupId()).stream().findFirst();
			tiers.add(new TierCover(a.tier(), a.group(), a.contact(), a.phone(), a.email(),
					r.map(OnCallRotation::name).orElse(null),
					r.flatMap(x -> turn(program, x, when)).orElse(null)));
		}
		return new SystemOnCall(program.key(), s.name(), when, open, afterHours(coverage), tiers);
	}

	/** Who covers a program at an instant: in office hours its Tier 1 groups, after hours its on-call people. */
	public ProgramCover forProgram(DeskPrincipal me, String programKey, Instant at) {
		Program program = readable(me, programKey);
		Instant when = at == null ? clock.instant() : at;
		ProgramCoverage coverage = coverages.findById(program.id()).orElse(null);
		boolean open = officeHours(program, coverage).isOpen(when);
		AfterHours afterHours = afterHours(coverage);
		List<GroupCover> cover = new ArrayList<>();
		Map<Long, List<OnCallRotation>> byGroup = rotations.findByProgramIdOrderByName(program.id()).stream()
			.collect(Collectors.groupingBy(OnCallRotation::groupId));
		for (GroupInfo g : groups.inProgram(program.id())) {
			Optional<OnCallRotation> r = byGroup.getOrDefault(g.id(), List.of()).stream().findFirst();
			if (open && g.tier() == 1) {
				cover.add(new GroupCover(g.name(), g.tier(), r.map(OnCallRotation::name).orElse(null),
						usernames(availableMembers(g, when, true)), null));
			}
			else if (!open && afterHours == AfterHours.ON_CALL && r.isPresent()) {
				cover.add(new GroupCover(g.name(), g.tier(), r.get().name(), List.of(),
						turn(program, r.get(), when).orElse(null)));
			}
		}
		return new ProgramCover(program.key(), when, open, afterHours, cover,
				coverage == null ? null : coverage.notes());
	}

	// -- for routing ----------------------------------------------------------------------------------------------

	/** Whether the program's desk is in office hours at an instant (always, when no coverage is defined). */
	public boolean inOfficeHours(long programId, Instant at) {
		return coverage(programId).hours().isOpen(at);
	}

	public AfterHoursRule afterHoursRule(long programId) {
		return coverage(programId).afterHoursRule();
	}

	private Coverage coverage(long programId) {
		return coverageCache.get(programId, id -> {
			ProgramCoverage c = coverages.findById(id).orElse(null);
			return new Coverage(officeHours(programs.byId(id), c),
					new AfterHoursRule(afterHours(c), c == null ? List.of() : List.copyOf(c.emergencyPriorities())));
		});
	}

	/** The person on call in a group's rotation at an instant, if the group has a rotation and someone is on. */
	public Optional<Long> onCallIn(long groupId, Instant at) {
		GroupInfo g = groups.byId(groupId);
		Program program = programs.byId(g.programId());
		return rotations.findByGroupId(groupId).stream().findFirst()
			.flatMap(r -> r.rotation(program.timeZone()).at(at)).map(Rotation.Turn::personId);
	}

	/**
	 * The members of a group who can take work at an instant: not away, and after hours (in a group with a
	 * rotation) only the person on call. Sorted by id, so a round-robin turn is stable.
	 */
	public List<Long> availableMembers(long groupId, Instant at) {
		GroupInfo g = groups.byId(groupId);
		return availableMembers(g, at, inOfficeHours(g.programId(), at));
	}

	private List<Long> availableMembers(GroupInfo g, Instant at, boolean open) {
		List<Long> members = g.memberIds().stream().sorted().toList();
		if (!open) {
			Program program = programs.byId(g.programId());
			Optional<OnCallRotation> r = rotations.findByGroupId(g.id()).stream().findFirst();
			if (r.isPresent()) {
				members = r.get().rotation(program.timeZone()).at(at).map(t -> List.of(t.personId()))
					.orElse(List.of());
			}
		}
		if (members.isEmpty()) {
			return members;
		}
		Set<Long> away = Set.copyOf(absences.awayAt(members, at));
		return members.stream().filter(m -> !away.contains(m)).toList();
	}

	// -- plumbing -------------------------------------------------------------------------------------------------

	private static AfterHours afterHours(ProgramCoverage c) {
		return c == null ? AfterHours.DESK_24X7 : c.afterHours();
	}

	private static OfficeHours officeHours(Program program, ProgramCoverage c) {
		return c == null ? OfficeHours.always(program.timeZone()) : c.officeHours(program.timeZone());
	}

	private Optional<Turn> turn(Program program, OnCallRotation r, Instant at) {
		return r.rotation(program.timeZone()).at(at).map(t -> {
			Person p = accounts.byId(t.personId());
			return new Turn(p.id(), p.username(), p.displayName(), p.phone(), p.email(), t.from(), t.until(),
					t.override(), t.reason());
		});
	}

	private List<String> usernames(List<Long> ids) {
		Map<Long, Person> people = accounts.byIds(ids);
		return ids.stream().map(id -> people.get(id).username()).toList();
	}

	private RotationInfo info(Program program, OnCallRotation r) {
		GroupInfo g = groups.byId(r.groupId());
		Map<Long, Person> people = accounts.byIds(java.util.stream.Stream.concat(r.members().stream(),
				r.overrides().stream().map(StoredOverride::personId)).distinct().toList());
		Function<Long, String> name = id -> people.containsKey(id) ? people.get(id).username() : "#" + id;
		return new RotationInfo(r.name(), g.name(), g.id(), r.members().stream().map(name).toList(), r.shiftDays(),
				r.handover(), r.startsOn(), r.overrides().stream()
					.map(o -> new OverrideInfo(name.apply(o.personId()), o.from(), o.until(), o.reason())).toList(),
				turn(program, r, clock.instant()).orElse(null));
	}

	private CoverageInfo coverageInfo(Program program, ProgramCoverage c) {
		if (c == null) {
			return new CoverageInfo(program.key(), program.timeZone(), AfterHours.DESK_24X7, Map.of(), List.of(),
					List.of(), null, false);
		}
		Map<DayOfWeek, List<String>> week = new LinkedHashMap<>();
		for (Hours h : c.hours()) {
			week.computeIfAbsent(h.day(), d -> new ArrayList<>()).add(h.start() + "-" + h.end());
		}
		return new CoverageInfo(program.key(), program.timeZone(), c.afterHours(), week,
				c.holidays().stream().map(h -> h.date() != null ? h.date().toString() : h.yearly()).toList(),
				c.emergencyPriorities(), c.notes(), true);
	}

	private OnCallRotation rotationNamed(Program program, String name) {
		return rotations.findByProgramIdAndNameKey(program.id(), NameKey.of(name == null ? "" : name))
			.orElseThrow(() -> new NotFoundException("program " + program.key() + " has no rotation " + name));
	}

	private static LocalTime time(String text, int line, String field, List<RowProblem> problems) {
		try {
			return TimeOfDay.parse(text);
		}
		catch (DateTimeException e) {
			problems.add(new RowProblem(line, field, "not a time of day (HH:mm): " + text));
			return null;
		}
	}

	/** An instant written with an offset, or as local program time. */
	static Instant instant(Program program, String text, int line, String field, List<RowProblem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(new RowProblem(line, field, "a date and time is required"));
			return null;
		}
		try {
			return OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (DateTimeException e) {
			try {
				return LocalDateTime.parse(text.strip()).atZone(program.timeZone()).toInstant();
			}
			catch (DateTimeException e2) {
				problems.add(new RowProblem(line, field,
						"not a date and time (2026-12-24T18:00, or with an offset): " + text));
				return null;
			}
		}
	}

	private Program visible(DeskPrincipal me, String programKey) {
		return programs.visibleTo(me, programKey);
	}

	private Program readable(DeskPrincipal me, String programKey) {
		return programs.forStaff(me, programKey, "only desk staff read the program's coverage and rotations");
	}

	private Program managed(DeskPrincipal me, String programKey) {
		return programs.forManagers(me, programKey, "only the program's managers or an administrator change its coverage");
	}
}
