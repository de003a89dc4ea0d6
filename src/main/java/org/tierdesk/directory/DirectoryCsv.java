package org.tierdesk.directory;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.tierdesk.directory.DirectoryDocument.AuthorityEntry;
import org.tierdesk.directory.DirectoryDocument.ReleaseEntry;
import org.tierdesk.directory.DirectoryDocument.SystemEntry;
import org.tierdesk.system.InvalidRowsException;
import org.tierdesk.system.InvalidRowsException.RowProblem;
import org.tierdesk.system.NameKey;

/**
 * The directory as CSV: one row per cognizant authority, the system's own columns on its first row (later rows of
 * the same system leave them empty or repeat them). Aliases and releases are {@code |}-separated; a release is
 * {@code version@from..until} with either date optional, optionally followed by {@code @released-on}. See {@code docs/directory-example.csv}.
 */
final class DirectoryCsv {

	static final String[] COLUMNS = { "system", "aliases", "type", "releases", "verified_by", "verified_at",
			"review_due", "tier", "group", "contact", "email", "phone", "hours" };

	private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true).setTrim(true).get();

	private static final Pattern AUTHORITY_FIELD = Pattern.compile("systems\\[(\\d+)]\\.authorities\\[(\\d+)]\\.(\\w+)");

	private static final Pattern SYSTEM_FIELD = Pattern.compile("systems\\[(\\d+)]\\.(\\w+).*");

	private static final Map<String, String> COLUMN_OF = Map.of("name", "system", "aliases", "aliases", "type", "type",
			"releases", "releases", "verifiedBy", "verified_by", "verifiedAt", "verified_at", "reviewDue", "review_due",
			"contact", "contact");

	/** A parsed file: the document, and where each system and each of its authorities came from. */
	record Parsed(DirectoryDocument document, List<Integer> systemLines, List<List<Integer>> authorityLines) {

		/** Translates the validation's JSON paths into this file's lines and column names. */
		InvalidRowsException located(InvalidRowsException e) {
			List<RowProblem> problems = new ArrayList<>();
			for (RowProblem p : e.problems()) {
				Matcher authority = AUTHORITY_FIELD.matcher(p.field());
				Matcher system = SYSTEM_FIELD.matcher(p.field());
				if (authority.matches()) {
					int line = authorityLines.get(Integer.parseInt(authority.group(1)))
						.get(Integer.parseInt(authority.group(2)));
					problems.add(new RowProblem(line, authority.group(3), p.message()));
				}
				else if (system.matches()) {
					problems.add(new RowProblem(p.line(), COLUMN_OF.getOrDefault(system.group(2), system.group(2)),
							p.message()));
				}
				else {
					problems.add(p);
				}
			}
			return new InvalidRowsException(e.getMessage(), problems);
		}
	}

	private DirectoryCsv() {
	}

	static Parsed read(Reader reader) {
		List<RowProblem> problems = new ArrayList<>();
		Map<String, SystemRows> systems = new LinkedHashMap<>();
		try (CSVParser parser = READ.parse(reader)) {
			List<String> missing = Arrays.stream(COLUMNS).filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
			if (!missing.isEmpty()) {
				throw new InvalidRowsException("The file's first line must name the columns.",
						missing.stream().map(c -> new RowProblem(1, c, "missing column")).toList());
			}
			for (CSVRecord row : parser) {
				int line = (int) parser.getCurrentLineNumber();
				String name = row.get("system");
				if (name.isEmpty()) {
					problems.add(new RowProblem(line, "system", "required"));
					continue;
				}
				SystemRows rows = systems.computeIfAbsent(NameKey.of(name), k -> new SystemRows(name, line, row));
				rows.add(row, line, problems);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (IllegalStateException | IllegalArgumentException | UncheckedIOException malformed) {
			throw new InvalidRowsException("The file is not valid CSV.",
					List.of(new RowProblem(0, "file", "not valid CSV: " + malformed.getMessage())));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRowsException("The directory was not loaded: " + problems.size()
					+ " problem(s); nothing was changed.", problems);
		}
		List<SystemEntry> entries = new ArrayList<>();
		List<Integer> lines = new ArrayList<>();
		List<List<Integer>> authorityLines = new ArrayList<>();
		for (SystemRows rows : systems.values()) {
			entries.add(rows.entry());
			lines.add(rows.line);
			authorityLines.add(rows.authorityLines);
		}
		return new Parsed(new DirectoryDocument(null, entries), lines, authorityLines);
	}

	static String write(DirectoryDocument document) {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(COLUMNS).get().print(out)) {
			for (SystemEntry s : document.systems()) {
				List<String> system = List.of(s.name(), String.join("|", s.aliases()), s.type(),
						String.join("|", s.releases().stream().map(DirectoryCsv::release).toList()), s.verifiedBy(),
						s.verifiedAt(), s.reviewDue());
				if (s.authorities().isEmpty()) {
					printer.printRecord(concat(system, Arrays.asList(null, null, null, null, null, null)));
				}
				for (AuthorityEntry a : s.authorities()) {
					printer.printRecord(concat(system, Arrays.asList(String.valueOf(a.tier()), a.group(), a.contact(),
							a.email(), a.phone(), a.hours())));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private static String release(ReleaseEntry r) {
		return r.version() + "@" + Objects.toString(r.supportedFrom(), "") + ".." + Objects.toString(r.supportedUntil(), "")
				+ (r.releasedOn() == null ? "" : "@" + r.releasedOn());
	}

	/** The rows of one system, gathered. */
	private static final class SystemRows {

		private static final String[] SYSTEM_COLUMNS = { "aliases", "type", "releases", "verified_by", "verified_at",
				"review_due" };

		final String name;

		final int line;

		final CSVRecord first;

		final List<AuthorityEntry> authorities = new ArrayList<>();

		final List<Integer> authorityLines = new ArrayList<>();

		SystemRows(String name, int line, CSVRecord first) {
			this.name = name;
			this.line = line;
			this.first = first;
		}

		void add(CSVRecord row, int rowLine, List<RowProblem> problems) {
			if (row != first) {
				for (String column : SYSTEM_COLUMNS) {
					String value = row.get(column);
					if (!value.isEmpty() && !value.equals(first.get(column))) {
						problems.add(new RowProblem(rowLine, column, "differs from this system's first row (line "
								+ line + "); leave it empty or repeat it"));
					}
				}
			}
			if (row.get("tier").isEmpty() && row.get("group").isEmpty()) {
				return;
			}
			Integer tier = null;
			try {
				tier = Integer.valueOf(row.get("tier"));
			}
			catch (NumberFormatException bad) {
				problems.add(new RowProblem(rowLine, "tier", "'" + row.get("tier") + "' is not a tier (1-4)"));
			}
			authorities.add(new AuthorityEntry(tier, row.get("group"), emptyAsNull(row.get("contact")),
					emptyAsNull(row.get("email")), emptyAsNull(row.get("phone")), emptyAsNull(row.get("hours"))));
			authorityLines.add(rowLine);
		}

		SystemEntry entry() {
			List<String> aliases = split(first.get("aliases"));
			List<ReleaseEntry> releases = split(first.get("releases")).stream().map(SystemRows::release).toList();
			return new SystemEntry(name, aliases, first.get("type"), releases, authorities,
					emptyAsNull(first.get("verified_by")), emptyAsNull(first.get("verified_at")),
					emptyAsNull(first.get("review_due")));
		}

		private static ReleaseEntry release(String text) {
			int at = text.indexOf('@');
			if (at < 0) {
				return new ReleaseEntry(text, null, null);
			}
			String dates = text.substring(at + 1);
			int second = dates.indexOf('@');
			String released = second < 0 ? "" : dates.substring(second + 1);
			dates = second < 0 ? dates : dates.substring(0, second);
			int dots = dates.indexOf("..");
			String from = dots < 0 ? dates : dates.substring(0, dots);
			String until = dots < 0 ? "" : dates.substring(dots + 2);
			return new ReleaseEntry(text.substring(0, at).strip(), emptyAsNull(from.strip()), emptyAsNull(until.strip()),
					emptyAsNull(released.strip()));
		}

		private static List<String> split(String value) {
			return value.isEmpty() ? List.of()
					: Arrays.stream(value.split("\\|")).map(String::strip).filter(v -> !v.isEmpty()).toList();
		}
	}

	private static String emptyAsNull(String value) {
		return value == null || value.isEmpty() ? null : value;
	}
}
