package org.tierdesk.directory;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.tierdesk.directory.DirectoryDocument.AuthorityEntry;
import org.tierdesk.directory.DirectoryDocument.ReleaseEntry;
import org.tierdesk.directory.DirectoryDocument.SystemEntry;
import org.tierdesk.directory.SupportGroups.GroupInfo;
import org.tierdesk.directory.SystemParts.Alias;
import org.tierdesk.directory.SystemParts.Authority;
import org.tierdesk.directory.SystemParts.Release;
import org.tierdesk.system.InvalidRowsException.RowProblem;
import org.tierdesk.system.NameKey;

/**
 * Checks a whole directory document before anything is applied, collecting every problem with its entry and field.
 * Plain rules, no database: the program's groups and the names already taken by systems outside the document are
 * handed in.
 */
final class DirectoryValidation {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/** A system entry that passed every check. */
	record ValidSystem(int line, String at, String name, String nameKey, SystemType type, List<Alias> aliases,
			List<Release> releases, List<Authority> authorities, String verifiedBy, LocalDate verifiedAt,
			LocalDate reviewDue) {
	}

	record Result(List<ValidSystem> systems, List<RowProblem> problems) {
	}

	private final Map<String, GroupInfo> groupsByName;

	private final Map<String, String> keysTakenOutside;

	private final LocalDate today;

	private final List<RowProblem> problems = new ArrayList<>();

	/**
	 * @param groups           the program's support groups
	 * @param keysTakenOutside name and alias keys of existing systems, each with its system's name key
	 * @param today            the program's today, for dates that cannot lie in the future
	 */
	DirectoryValidation(List<GroupInfo> groups, Map<String, String> keysTakenOutside, LocalDate today) {
		this.groupsByName = new HashMap<>();
		groups.forEach(g -> groupsByName.put(NameKey.of(g.name()), g));
		this.keysTakenOutside = keysTakenOutside;
		this.today = today;
	}

	/**
	 * @param lines the line of each entry in its file (CSV), or {@code null} to number entries from 1 (JSON)
	 */
	Result validate(DirectoryDocument document, List<Integer> lines) {
		List<ValidSystem> valid = new ArrayList<>();
		if (document == null || document.systems() == null) {
			problems.add(new RowProblem(0, "systems", "the document has no systems list"));
			return new Result(valid, problems);
		}
		Map<String, String> keysInDocument = new LinkedHashMap<>();
		for (int i = 0; i < document.systems().size(); i++) {
			int line = lines == null ? i + 1 : lines.get(i);
			ValidSystem system = system(document.systems().get(i), line, "systems[" + i + "].", keysInDocument);
			if (system != null) {
				valid.add(system);
			}
		}
		// a name or alias may belong to only one system: check against systems the document does not touch
		Set<String> touched = new HashSet<>();
		valid.forEach(s -> touched.add(s.nameKey()));
		for (ValidSystem s : valid) {
			List<String> keys = new ArrayList<>();
			keys.add(s.nameKey());
			s.aliases().forEach(a -> keys.add(a.aliasKey()));
			for (String key : keys) {
				String owner = keysTakenOutside.get(key);
				if (owner != null && !owner.equals(s.nameKey()) && !touched.contains(owner)) {
					problems.add(new RowProblem(s.line(), s.at() + (key.equals(s.nameKey()) ? "name" : "aliases"),
							"'" + key + "' already names another system of the program"));
				}
			}
		}
		return new Result(problems.isEmpty() ? valid : List.of(), problems);
	}

	private ValidSystem system(SystemEntry e, int line, String at, Map<String, String> keysInDocument) {
		int before = problems.size();
		if (e == null) {
			problems.add(new RowProblem(line, at.substring(0, at.length() - 1), "empty entry"));
			return null;
		}
		String name = text(e.name(), line, at + "name", 200, true);
		String nameKey = name == null ? null : NameKey.of(name);
		if (name != null && nameKey.isEmpty()) {
			problems.add(new RowProblem(line, at + "name", "a name needs at least one letter or digit"));
			nameKey = null;
		}
		if (nameKey != null) {
			String other = keysInDocument.putIfAbsent(nameKey, nameKey);
			if (other != null) {
				problems.add(new RowProblem(line, at + "name", "'" + name + "' appears twice in the document"));
			}
		}
		SystemType type = null;
		if (e.type() == null || e.type().isBlank()) {
			problems.add(new RowProblem(line, at + "type", "type is required: HARDWARE, SOFTWARE or SERVICE"));
		}
		else {
			try {
				type = SystemType.valueOf(e.type().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException bad) {
				problems.add(new RowProblem(line, at + "type", "'" + e.type() + "' is not HARDWARE, SOFTWARE or SERVICE"));
			}
		}
		List<Alias> aliases = new ArrayList<>();
		Set<String> aliasKeys = new HashSet<>();
		List<String> rawAliases = e.aliases() == null ? List.of() : e.aliases();
		for (int a = 0; a < rawAliases.size(); a++) {
			String alias = text(rawAliases.get(a), line, at + "aliases[" + a + "]", 200, true);
			if (alias == null) {
				continue;
			}
			String key = NameKey.of(alias);
			if (key.isEmpty() || key.equals(nameKey) || !aliasKeys.add(key)) {
				continue; // adds nothing: same as the name or another alias
			}
			String other = keysInDocument.putIfAbsent(key, nameKey == null ? "?" : nameKey);
			if (other != null && !other.equals(nameKey)) {
				problems.add(new RowProblem(line, at + "aliases[" + a + "]",
						"'" + alias + "' already names another system in the document"));
				continue;
			}
			aliases.add(new Alias(alias, key));
		}
		List<Release> releases = new ArrayList<>();
		List<ReleaseEntry> rawReleases = e.releases() == null ? List.of() : e.releases();
		Set<String> versions = new HashSet<>();
		for (int r = 0; r < rawReleases.size(); r++) {
			ReleaseEntry release = rawReleases.get(r);
			String rat = at + "releases[" + r + "].";
			if (release == null) {
				continue;
			}
			String version = text(release.version(), line, rat + "version", 100, true);
			LocalDate from = date(release.supportedFrom(), line, rat + "supportedFrom", false);
			LocalDate until = date(release.supportedUntil(), line, rat + "supportedUntil", false);
			LocalDate released = date(release.releasedOn(), line, rat + "releasedOn", false);
			if (from != null && until != null && until.isBefore(from)) {
				problems.add(new RowProblem(line, rat + "supportedUntil", "support ends before it starts"));
			}
			if (version != null && !versions.add(version)) {
				problems.add(new RowProblem(line, rat + "version", "release " + version + " is listed twice"));
			}
			if (version != null) {
				releases.add(new Release(version, from, until, released));
			}
		}
		List<Authority> authorities = new ArrayList<>();
		List<AuthorityEntry> rawAuthorities = e.authorities() == null ? List.of() : e.authorities();
		Set<Integer> tiers = new HashSet<>();
		for (int t = 0; t < rawAuthorities.size(); t++) {
			AuthorityEntry authority = rawAuthorities.get(t);
			String tat = at + "authorities[" + t + "].";
			if (authority == null) {
				continue;
			}
			Integer tier = authority.tier();
			if (tier == null || tier < 1 || tier > 4) {
				problems.add(new RowProblem(line, tat + "tier", "a cognizant authority works at tier 1 to 4"));
				tier = null;
			}
			else if (!tiers.add(tier)) {
				problems.add(new RowProblem(line, tat + "tier", "tier " + tier + " has two authorities"));
			}
			GroupInfo group = null;
			String groupName = text(authority.group(), line, tat + "group", 200, true);
			if (groupName != null) {
				group = groupsByName.get(NameKey.of(groupName));
				if (group == null) {
					problems.add(new RowProblem(line, tat + "group", "the program has no support group '" + groupName + "'"));
				}
				else if (tier != null && group.tier() != tier) {
					problems.add(new RowProblem(line, tat + "group",
							"'" + group.name() + "' works at tier " + group.tier() + ", not tier " + tier));
					group = null;
				}
			}
			String contact = text(authority.contact(), line, tat + "contact", 200, false);
			String email = text(authority.email(), line, tat + "email", 320, false);
			if (email != null && !EMAIL.matcher(email).matches()) {
				problems.add(new RowProblem(line, tat + "email", "'" + email + "' is not an email address"));
			}
			String phone = text(authority.phone(), line, tat + "phone", 50, false);
			String hours = text(authority.hours(), line, tat + "hours", 200, false);
			if (tier != null && group != null) {
				authorities.add(new Authority(tier, group.id(), contact, email, phone, hours));
			}
		}
		String verifiedBy = text(e.verifiedBy(), line, at + "verifiedBy", 200, true);
		LocalDate verifiedAt = date(e.verifiedAt(), line, at + "verifiedAt", true);
		LocalDate reviewDue = date(e.reviewDue(), line, at + "reviewDue", true);
		if (verifiedAt != null && verifiedAt.isAfter(today)) {
			problems.add(new RowProblem(line, at + "verifiedAt", "an entry cannot be verified in the future"));
		}
		if (verifiedAt != null && reviewDue != null && !reviewDue.isAfter(verifiedAt)) {
			problems.add(new RowProblem(line, at + "reviewDue", "the review is due after the verification"));
		}
		if (problems.size() > before) {
			return null;
		}
		return new ValidSystem(line, at, name, nameKey, type, aliases, releases, authorities, verifiedBy, verifiedAt,
				reviewDue);
	}

	private String text(String value, int line, String field, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(new RowProblem(line, field, "required"));
			}
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > max) {
			problems.add(new RowProblem(line, field, "at most " + max + " characters"));
			return null;
		}
		return stripped;
	}

	private LocalDate date(String value, int line, String field, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(new RowProblem(line, field, "required (yyyy-MM-dd)"));
			}
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException bad) {
			problems.add(new RowProblem(line, field, "'" + value + "' is not a date (yyyy-MM-dd)"));
			return null;
		}
	}
}
