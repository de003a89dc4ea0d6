package org.tierdesk.system;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form under which names are looked up (systems and aliases, contract numbers, serial numbers, organizations):
 * case-, accent-, space- and punctuation-insensitive, so "R-Supply", "r supply" and "RSUPPLY" are one system, and
 * "Gestão" matches "gestao".
 */
public final class NameKey {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{Alnum}]+");

	private NameKey() {
	}

	public static String of(String name) {
		String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
		String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
		return NOT_ALNUM.matcher(plain).replaceAll("");
	}
}
