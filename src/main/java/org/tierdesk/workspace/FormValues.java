package org.tierdesk.workspace;

import java.time.LocalDate;
import java.util.Map;

import org.tierdesk.system.InvalidFieldException;

/**
 * A posted form's text turned into values, each refusal naming its field: blanks are "not given", numbers and dates
 * must read as such, enum values must be one of theirs.
 */
public final class FormValues {

	private FormValues() {
	}

	/** The text, or {@code null} when blank. */
	public static String text(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	public static Integer integer(String value, String field) {
		try {
			return text(value) == null ? null : Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			throw new InvalidFieldException(field, field + " is a whole number");
		}
	}

	public static LocalDate date(String value, String field) {
		try {
			return text(value) == null ? null : LocalDate.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new InvalidFieldException(field, "a date, like 2027-01-31");
		}
	}

	public static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
		if (text(value) == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldException(field, "one of " + java.util.Arrays.toString(type.getEnumConstants()));
		}
	}

	/** The version the form was read at (the hidden {@code version} field), for stale-change detection. */
	public static Long version(Map<String, String> form) {
		Integer v = integer(form.get("version"), "version");
		return v == null ? null : v.longValue();
	}
}
