package org.tierdesk.intake;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tierdesk.system.InvalidFieldException;

/**
 * A program's own wording of a notice: plain text with {@code {{name}}} placeholders, filled in literally. Nothing in
 * it is evaluated, so a program manager editing it can change words, never run anything.
 */
record NoticeWording(String subject, String body) {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");

	/** The values each notice offers. */
	static final Map<Outbound.Purpose, Set<String>> VALUES = Map.of(
			Outbound.Purpose.ACKNOWLEDGEMENT, Set.of("number", "subject", "name", "program"),
			Outbound.Purpose.REPLY, Set.of("number", "subject", "program", "text"),
			Outbound.Purpose.RESOLUTION, Set.of("number", "subject", "name", "program", "solution", "acceptUrl",
					"rejectUrl"),
			Outbound.Purpose.ESCALATION, Set.of("number", "subject", "program", "group", "tier", "reason", "link"));

	/** Checks the wording names only values the notice offers; each problem names its field. */
	static NoticeWording checked(Outbound.Purpose purpose, String subject, String body) {
		if (subject == null || subject.isBlank() || subject.length() > 500 || subject.contains("\n")) {
			throw new InvalidFieldException("subject", "a subject of one line, 1-500 characters, is required");
		}
		if (body == null || body.isBlank() || body.length() > 20_000) {
			throw new InvalidFieldException("body", "a body of 1-20,000 characters is required");
		}
		check("subject", purpose, subject);
		check("body", purpose, body);
		return new NoticeWording(subject.strip(), body);
	}

	private static void check(String field, Outbound.Purpose purpose, String text) {
		Set<String> unknown = new TreeSet<>();
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			if (!VALUES.get(purpose).contains(m.group(1))) {
				unknown.add(m.group(1));
			}
		}
		if (!unknown.isEmpty()) {
			throw new InvalidFieldException(field, "unknown placeholders " + unknown + "; this notice offers "
					+ new TreeSet<>(VALUES.get(purpose)));
		}
	}

	NoticeTemplates.Rendered fill(Map<String, Object> values) {
		return new NoticeTemplates.Rendered(fill(subject, values).replaceAll("[\\r\\n]+", " "), fill(body, values));
	}

	private static String fill(String text, Map<String, Object> values) {
		Matcher m = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			Object v = values.get(m.group(1));
			m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v.toString()));
		}
		m.appendTail(out);
		return out.toString();
	}
}
