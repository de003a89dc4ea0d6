package org.tierdesk.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.directory.DirectoryDocument.AuthorityEntry;
import org.tierdesk.directory.DirectoryDocument.ReleaseEntry;
import org.tierdesk.directory.DirectoryDocument.SystemEntry;
import org.tierdesk.directory.DirectoryValidation.ValidSystem;
import org.tierdesk.directory.SupportGroups.GroupInfo;
import org.tierdesk.directory.SupportedSystem.Change;
import org.tierdesk.identity.Accounts;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.AfterCommit;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.InvalidRowsException;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.system.NameKey;

/**
 * The source of support directory of each program: which systems it supports, under which names, which releases, and
 * who the cognizant authority is at each tier. Loaded in bulk (all-or-nothing, idempotent) and looked up by name or
 * alias on every ticket.
 */
@Service
@Transactional(readOnly = true)
public class Directory {

	/** A supported system as other modules and the API see it. */
	public record SystemInfo(long id, String program, String name, SystemType type, List<String> aliases,
			List<ReleaseInfo> releases, List<AuthorityInfo> authorities, String verifiedBy, LocalDate verifiedAt,
			LocalDate reviewDue, boolean pastReview) {

		/** The cognizant authority at a tier, if the directory names one. */
		public Optional<AuthorityInfo> authorityAt(int tier) {
			return authorities.stream().filter(a -> a.tier() == tier).findFirst();
		}
	}

	/** A release of a system and where it stands today: current, supported, end of support, or not yet supported. */
	public record ReleaseInfo(String version, LocalDate releasedOn, LocalDate supportedFrom, LocalDate supportedUntil,
			boolean supportedToday, ReleaseStatus status) {
	}

	/** Who to go to at a tier: the group (a vendor with its contract at Tier 4) and its named point of contact. */
	public record AuthorityInfo(int tier, long groupId, String group, String contractReference, String contact,
			String email, String phone, String hours) {
	}

	public record ImportSummary(int created, int updated, int unchanged) {
	}

	/** A named point of contact and what they answer for. */
	public record ContactInfo(String name, String email, String phone, String hours, String group,
			List<String> answersFor) {
	}

	/**
	 * A system as routing needs it on every ticket: its key (what names and aliases reduce to), display name, type
	 * and the group of its cognizant authority at each tier.
	 */
	public record SystemRoute(String key, String name, SystemType type, Map<Integer, AuthorityRef> authorities) {
	}

	public record AuthorityRef(long groupId, int tier, String group) {
	}

	public record HistoryEntry(String subject, String field, String oldValue, String newValue, String actor,
			Instant at) {
	}

	private final SupportedSystemRepository systems;

	private final DirectoryChangeRepository changes;

	private final SupportGroups groups;

	private final Programs programs;

	private final Accounts accounts;

	private final Clock clock;

	/** Each program's systems by name and alias key, for routing; forgotten on import, else after the TTL. */
	private final com.github.benmanes.caffeine.cache.Cache<Long, Map<String, SystemRoute>> routes;

	Directory(SupportedSystemRepository systems, DirectoryChangeRepository changes, SupportGroups groups,
			Programs programs, Accounts accounts, Clock clock,
			@org.springframework.beans.factory.annotation.Value("${tierdesk.directory.routing-cache-ttl:10s}") java.time.Duration routeTtl) {
		this.routes = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(1_000)
			.expireAfterWrite(routeTtl).build();
		this.systems = systems;
		this.changes = changes;
		this.groups = groups;
		this.programs = programs;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** The program's systems, optionally those whose name or an alias contains {@code text}, or of one type. */
	public List<SystemInfo> systems(DeskPrincipal me, String programKey, String text, SystemType type) {
		Program program = readable(me, programKey);
		String key = text == null || text.isBlank() ? null : NameKey.of(text);
		List<SupportedSystem> found = systems.findByProgramIdOrderByName(program.id()).stream()
			.filter(s -> type == null || s.type() == type)
			.filter(s -> key == null || s.nameKey().contains(key)
					|| s.aliases().stream().anyMatch(a -> a.aliasKey().contains(key)))
			.toList();
		return infos(program, found);
	}

	/** One system by its name or any alias, whatever the case, accents or punctuation. */
	public SystemInfo system(DeskPrincipal me, String programKey, String nameOrAlias) {
		Program program = readable(me, programKey);
		return find(program, nameOrAlias).map(s -> infos(program, List.of(s)).get(0))
			.orElseThrow(() -> new NotFoundException("program " + programKey + " has no system " + nameOrAlias));
	}

	/** For other modules (routing, vectoring): the system a ticket names, if the directory knows it. */
	public Optional<SystemInfo> lookUp(long programId, String nameOrAlias) {
		if (nameOrAlias == null || nameOrAlias.isBlank()) {
			return Optional.empty();
		}
		Program program = programs.byId(programId);
		return find(program, nameOrAlias).map(s -> infos(program, List.of(s)).get(0));
	}

	/**
	 * Where the version a customer runs stands: the release's status today in the program's zone, and the current
	 * release, with a sentence for whoever takes the request. Empty when no system or version is named, or the
	 * directory does not know the system or lists no releases for it.
	 */
	public Optional<ReleaseStanding> standing(long programId, String nameOrAlias, String version) {
		if (version == null || version.isBlank()) {
			return Optional.empty();
		}
		return lookUp(programId, nameOrAlias).flatMap(s -> standing(s, version));
	}

	/** Like {@link #standing(long, String, String)}, for a system already looked up. */
	public Optional<ReleaseStanding> standing(SystemInfo system, String version) {
		if (version == null || version.isBlank()) {
			return Optional.empty();
		}
		// a system that lists no releases has nothing to hold a version against
		return Optional.of(system).filter(s -> !s.releases().isEmpty()).map(s -> ReleaseStanding.of(s, version.strip()));
	}

	/**
	 * The release and version supported per system: the current release, the others in support, and the ended.
	 * Customers of the program read it too (it tells them what to run).
	 */
	public List<SupportedReleases> supportedReleases(DeskPrincipal me, String programKey) {
		Program program = visible(me, programKey);
		return infos(program, systems.findByProgramIdOrderByName(program.id())).stream().map(SupportedReleases::of)
			.toList();
	}

	/**
	 * The system a ticket names, by name or alias (ignoring case, accents and punctuation), as routing needs it.
	 * Served from memory: a program's whole directory is read once and kept for
	 * {@code tierdesk.directory.routing-cache-ttl} (forgotten at once on this instance when it is imported).
	 */
	public Optional<SystemRoute> route(long programId, String nameOrAlias) {
		if (nameOrAlias == null || nameOrAlias.isBlank()) {
			return Optional.empty();
		}
		return Optional.ofNullable(routes.get(programId, this::routesOf).get(NameKey.of(nameOrAlias)));
	}

	private Map<String, SystemRoute> routesOf(long programId) {
		Map<Long, GroupInfo> groupsById = groups.inProgram(programId).stream()
			.collect(Collectors.toMap(GroupInfo::id, Function.identity()));
		Map<String, SystemRoute> byKey = new HashMap<>();
		for (SupportedSystem s : systems.findByProgramIdOrderByName(programId)) {
			Map<Integer, AuthorityRef> authorities = new HashMap<>();
			s.authorities().forEach(a -> authorities.put(a.tier(),
					new AuthorityRef(a.groupId(), a.tier(), groupsById.get(a.groupId()).name())));
			SystemRoute route = new SystemRoute(s.nameKey(), s.name(), s.type(), Map.copyOf(authorities));
			byKey.put(s.nameKey(), route);
			s.aliases().forEach(a -> byKey.putIfAbsent(a.aliasKey(), route));
		}
		return Map.copyOf(byKey);
	}

	/**
	 * Loads a directory document: every entry is checked first and nothing is applied if any is bad (every problem
	 * is reported with its entry and field); systems are matched by name, so loading the same document again
	 * changes nothing; each change is recorded in the history.
	 *
	 * @param lines each entry's line in its file (CSV), or {@code null} for a JSON document
	 */
	@Transactional
	public ImportSummary importDocument(DeskPrincipal me, String programKey, DirectoryDocument document,
			List<Integer> lines) {
		Program program = managed(me, programKey);
		List<SupportedSystem> existing = systems.findByProgramIdOrderByName(program.id());
		Map<String, String> keysTaken = new HashMap<>();
		for (SupportedSystem s : existing) {
			keysTaken.put(s.nameKey(), s.nameKey());
			s.aliases().forEach(a -> keysTaken.put(a.aliasKey(), s.nameKey()));
		}
		DirectoryValidation.Result result = new DirectoryValidation(groups.inProgram(program.id()), keysTaken,
				today(program)).validate(document, lines);
		if (!result.problems().isEmpty()) {
			throw new InvalidRowsException("The directory was not loaded: " + result.problems().size()
					+ " problem(s); nothing was changed.", result.problems());
		}
		Map<String, SupportedSystem> byKey = existing.stream()
			.collect(Collectors.toMap(SupportedSystem::nameKey, Function.identity()));
		Instant now = clock.instant();
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		for (ValidSystem v : result.systems()) {
			SupportedSystem system = byKey.get(v.nameKey());
			boolean isNew = system == null;
			if (isNew) {
				system = new SupportedSystem(program.id(), v.nameKey());
			}
			List<Change> applied = system.apply(v);
			if (isNew) {
				systems.save(system);
				created++;
			}
			else if (applied.isEmpty()) {
				unchanged++;
			}
			else {
				updated++;
			}
			for (Change c : applied) {
				changes.save(new DirectoryChange(program.id(), v.name(), c.field(), c.oldValue(), c.newValue(),
						me.accountId(), now));
			}
		}
		forgetRoutesAfterCommit(program.id());
		return new ImportSummary(created, updated, unchanged);
	}

	private void forgetRoutesAfterCommit(long programId) {
		AfterCommit.forgetNowAndAtEnd(() -> routes.invalidate(programId));
	}

	/** Loads a directory from CSV (see {@code docs/directory-example.csv}), exactly like a JSON document. */
	@Transactional
	public ImportSummary importCsv(DeskPrincipal me, String programKey, java.io.Reader csv) {
		managed(me, programKey);
		DirectoryCsv.Parsed parsed = DirectoryCsv.read(csv);
		try {
			return importDocument(me, programKey, parsed.document(), parsed.systemLines());
		}
		catch (InvalidRowsException e) {
			throw parsed.located(e);
		}
	}

	/** The program's whole directory as CSV, which {@link #importCsv} takes back unchanged. */
	public String exportCsv(DeskPrincipal me, String programKey) {
		return DirectoryCsv.write(export(me, programKey));
	}

	/** The program's whole directory as a document that {@link #importDocument} takes back unchanged. */
	public DirectoryDocument export(DeskPrincipal me, String programKey) {
		Program program = readable(me, programKey);
		Map<Long, GroupInfo> groupsById = groupsOf(program);
		List<SystemEntry> entries = new ArrayList<>();
		for (SupportedSystem s : systems.findByProgramIdOrderByName(program.id())) {
			entries.add(new SystemEntry(s.name(), s.aliases().stream().map(SystemParts.Alias::alias).toList(),
					s.type().name(),
					s.releases().stream().map(r -> new ReleaseEntry(r.version(), text(r.supportedFrom()),
							text(r.supportedUntil()), text(r.releasedOn()))).toList(),
					s.authorities().stream().map(a -> new AuthorityEntry(a.tier(), groupsById.get(a.groupId()).name(),
							a.contactName(), a.contactEmail(), a.contactPhone(), a.contactHours())).toList(),
					s.verifiedBy(), text(s.verifiedAt()), text(s.reviewDue())));
		}
		return new DirectoryDocument(program.key(), entries);
	}

	/** Every named point of contact, once per name and group, with the systems and tiers they answer for. */
	public List<ContactInfo> contacts(DeskPrincipal me, String programKey) {
		Map<String, ContactInfo> byName = new java.util.TreeMap<>();
		for (SystemInfo s : systems(me, programKey, null, null)) {
			for (AuthorityInfo a : s.authorities()) {
				if (a.contact() == null) {
					continue;
				}
				String key = a.contact() + "|" + a.group();
				ContactInfo c = byName.get(key);
				List<String> answers = new ArrayList<>(c == null ? List.of() : c.answersFor());
				answers.add(s.name() + " (tier " + a.tier() + ")");
				byName.put(key, new ContactInfo(a.contact(), c != null && c.email() != null ? c.email() : a.email(),
						c != null && c.phone() != null ? c.phone() : a.phone(),
						c != null && c.hours() != null ? c.hours() : a.hours(), a.group(), List.copyOf(answers)));
			}
		}
		return List.copyOf(byName.values());
	}

	/** The directory's history, newest first. */
	public List<HistoryEntry> history(DeskPrincipal me, String programKey, int limit) {
		Program program = readable(me, programKey);
		List<DirectoryChange> found = changes.findByProgramIdOrderByOccurredAtDescIdDesc(program.id(),
				Limit.of(Math.max(1, Math.min(limit, 1000))));
		var people = accounts.byIds(found.stream().map(DirectoryChange::actorId).distinct().toList());
		return found.stream().map(c -> new HistoryEntry(c.subject(), c.field(), c.oldValue(), c.newValue(),
				people.containsKey(c.actorId()) ? people.get(c.actorId()).username() : "#" + c.actorId(),
				c.occurredAt())).toList();
	}

	private Optional<SupportedSystem> find(Program program, String nameOrAlias) {
		String key = NameKey.of(nameOrAlias);
		return systems.findByProgramIdAndNameKey(program.id(), key)
			.or(() -> systems.findByAlias(program.id(), key).stream().findFirst());
	}

	private List<SystemInfo> infos(Program program, List<SupportedSystem> found) {
		Map<Long, GroupInfo> groupsById = groupsOf(program);
		LocalDate today = today(program);
		return found.stream().map(s -> new SystemInfo(s.id(), program.key(), s.name(), s.type(),
				s.aliases().stream().map(SystemParts.Alias::alias).toList(),
				ReleaseStatus.of(s.releases(), today),
				s.authorities().stream().map(a -> {
					GroupInfo g = groupsById.get(a.groupId());
					return new AuthorityInfo(a.tier(), a.groupId(), g.name(), g.contractReference(), a.contactName(),
							a.contactEmail(), a.contactPhone(), a.contactHours());
				}).toList(),
				s.verifiedBy(), s.verifiedAt(), s.reviewDue(), s.pastReview(today))).toList();
	}

	private Map<Long, GroupInfo> groupsOf(Program program) {
		return groups.inProgram(program.id()).stream().collect(Collectors.toMap(GroupInfo::id, Function.identity()));
	}

	private LocalDate today(Program program) {
		return LocalDate.ofInstant(clock.instant(), program.timeZone());
	}

	private Program readable(DeskPrincipal me, String programKey) {
		return programs.forStaff(me, programKey, "only desk staff read the source of support directory");
	}

	private Program managed(DeskPrincipal me, String programKey) {
		return programs.forManagers(me, programKey, "only the program's managers or an administrator load its directory");
	}

	private Program visible(DeskPrincipal me, String programKey) {
		return programs.visibleTo(me, programKey);
	}

	private static String text(LocalDate date) {
		return date == null ? null : date.toString();
	}
}
