package org.tierdesk.intake;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A formal message as organizations with message systems send it: a classification line, a header block —
 * date-time group ({@code DTG: 231200Z NOV 26}, or the bare group with a precedence letter), {@code FROM:} (or
 * {@code FM:}), {@code TO:}, any {@code INFO:} addressees, {@code SUBJ:} — a blank line, and the text (an ending
 * {@code BT} is dropped). Header values may continue on indented lines. Only unclassified traffic is taken: the desk's
 * systems are not accredited for more.
 */
record FormalMessage(String classification, Instant dateTimeGroup, String from, List<String> to, List<String> info,
		String subject, String body) {

	private static final Set<String> UNCLASSIFIED = Set.of("UNCLASSIFIED", "UNCLAS", "UNCLASSIFIED//FOUO",
			"UNCLAS//FOUO", "UNCLASSIFIED//FOR OFFICIAL USE ONLY", "CUI");

	private static final Set<String> CLASSIFIED = Set.of("CONFIDENTIAL", "SECRET", "TOP SECRET");

	private static final Pattern DTG = Pattern.compile("(?:[ZOPR]\\s+)?(\\d{2})(\\d{2})(\\d{2})Z\\s+([A-Z]{3})\\s+(\\d{2})");

	private static final Pattern FIELD = Pattern.compile("(DTG|FROM|FM|TO|INFO|SUBJ):\\s*(.*)");

	private static final DateTimeFormatter MONTH = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.appendPattern("MMM").toFormatter(Locale.ENGLISH);

	/** A line of the message that is wrong, named by its number (from 1). */
	static final class Invalid extends Exception {

		private final int line;

		Invalid(int line, String message) {
			super("line " + line + ": " + message);
			this.line = line;
		}

		int line() {
			return line;
		}
	}

	static FormalMessage parse(String text) throws Invalid {
		if (text == null || text.isBlank()) {
			throw new Invalid(1, "the message is empty");
		}
		if (text.indexOf('\0') >= 0) {
			throw new Invalid(1 + (int) text.substring(0, text.indexOf('\0')).chars().filter(c -> c == '\n').count(),
					"the message contains a NUL character");
		}
		String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
		int i = 0;
		while (i < lines.length && lines[i].isBlank()) {
			i++;
		}
		String classification = lines[i].strip().toUpperCase(Locale.ROOT);
		if (CLASSIFIED.stream().anyMatch(classification::startsWith)) {
			throw new Invalid(i + 1, "classified traffic (" + classification + ") is not accepted on this channel");
		}
		if (!UNCLASSIFIED.contains(classification)) {
			throw new Invalid(i + 1, "the first line must be the classification (UNCLASSIFIED, UNCLAS or CUI), not '"
					+ clip(lines[i].strip()) + "'");
		}
		i++;
		Instant dtg = null;
		String from = null;
		String subject = null;
		List<String> to = new ArrayList<>();
		List<String> info = new ArrayList<>();
		String last = null;
		int headerStart = i;
		for (; i < lines.length && !lines[i].isBlank(); i++) {
			String line = lines[i];
			String upper = line.strip().toUpperCase(Locale.ROOT);
			if (Character.isWhitespace(line.charAt(0)) && last != null) {
				String more = line.strip();
				switch (last) {
					case "FROM" -> from = from + " " + more;
					case "SUBJ" -> subject = subject + " " + more;
					case "TO" -> to.add(more);
					case "INFO" -> info.add(more);
					default -> throw new Invalid(i + 1, "a continuation line is not allowed after " + last);
				}
				continue;
			}
			Matcher f = FIELD.matcher(line.strip());
			if (f.matches()) {
				String name = f.group(1).toUpperCase(Locale.ROOT);
				String value = f.group(2).strip();
				if (value.isEmpty()) {
					throw new Invalid(i + 1, name + " has no value");
				}
				switch (name) {
					case "DTG" -> dtg = dateTimeGroup(value, i + 1);
					case "FROM", "FM" -> {
						if (from != null) {
							throw new Invalid(i + 1, "a message has one originator (FROM)");
						}
						from = value;
						name = "FROM";
					}
					case "TO" -> to.add(value);
					case "INFO" -> info.add(value);
					case "SUBJ" -> {
						if (subject != null) {
							throw new Invalid(i + 1, "a message has one subject (SUBJ)");
						}
						subject = value;
					}
					default -> throw new IllegalStateException(name);
				}
				last = name;
				continue;
			}
			if (DTG.matcher(upper).matches()) {
				dtg = dateTimeGroup(upper, i + 1);
				last = "DTG";
				continue;
			}
			throw new Invalid(i + 1, "expected DTG:, FROM:, TO:, INFO: or SUBJ:, found '" + clip(line.strip()) + "'");
		}
		int headerEnd = i + 1;
		if (dtg == null) {
			throw new Invalid(headerEnd, "the header has no date-time group (DTG: DDHHMMZ MON YY)");
		}
		if (from == null) {
			throw new Invalid(headerEnd, "the header has no originator (FROM:)");
		}
		if (to.isEmpty()) {
			throw new Invalid(headerEnd, "the header has no action addressee (TO:)");
		}
		if (subject == null) {
			throw new Invalid(headerEnd, "the header has no subject (SUBJ:)");
		}
		if (i == headerStart) {
			throw new Invalid(headerStart + 1, "the header block is missing");
		}
		List<String> bodyLines = new ArrayList<>();
		for (i++; i < lines.length; i++) {
			bodyLines.add(lines[i]);
		}
		while (!bodyLines.isEmpty() && (bodyLines.get(bodyLines.size() - 1).isBlank()
				|| bodyLines.get(bodyLines.size() - 1).strip().equalsIgnoreCase("BT"))) {
			bodyLines.remove(bodyLines.size() - 1);
		}
		String body = String.join("\n", bodyLines).strip();
		if (body.isEmpty()) {
			throw new Invalid(lines.length, "the message has no text after the header");
		}
		if (subject.length() > 300) {
			throw new Invalid(headerStart + 1, "the subject is longer than 300 characters");
		}
		return new FormalMessage(classification, dtg, from.strip(), List.copyOf(to), List.copyOf(info), subject.strip(),
				body);
	}

	private static Instant dateTimeGroup(String value, int line) throws Invalid {
		Matcher m = DTG.matcher(value.strip().toUpperCase(Locale.ROOT));
		if (!m.matches()) {
			throw new Invalid(line, "a date-time group is DDHHMMZ MON YY (e.g. 231200Z NOV 26), not '" + clip(value) + "'");
		}
		try {
			int month = MONTH.parse(m.group(4)).get(java.time.temporal.ChronoField.MONTH_OF_YEAR);
			return LocalDateTime.of(2000 + Integer.parseInt(m.group(5)), month, Integer.parseInt(m.group(1)),
					Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))).toInstant(ZoneOffset.UTC);
		}
		catch (java.time.DateTimeException e) {
			throw new Invalid(line, "'" + clip(value) + "' is not a date and time");
		}
	}

	private static String clip(String s) {
		return s.length() > 60 ? s.substring(0, 60) + "…" : s;
	}

	/** The header as the ticket shows it above the text. */
	String headerSummary() {
		StringBuilder s = new StringBuilder();
		s.append(classification).append('\n');
		s.append("DTG: ").append(DateTimeFormatter.ofPattern("ddHHmm'Z' MMM yy", Locale.ENGLISH)
			.withZone(ZoneOffset.UTC).format(dateTimeGroup).toUpperCase(Locale.ROOT)).append('\n');
		s.append("FROM: ").append(from).append('\n');
		to.forEach(t -> s.append("TO: ").append(t).append('\n'));
		info.forEach(t -> s.append("INFO: ").append(t).append('\n'));
		s.append("SUBJ: ").append(subject);
		return s.toString();
	}
}
