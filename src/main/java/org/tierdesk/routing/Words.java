package org.tierdesk.routing;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text as rules compare it: lower case, accents and punctuation removed, single spaces, padded with spaces. */
final class Words {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{Alnum}]+");

	private Words() {
	}

	/** " words of the text " — padded, so a phrase matches whole words with {@code contains(" phrase ")}. */
	static String of(String text) {
		if (text == null) {
			return " ";
		}
		String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
		String words = NOT_ALNUM.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
		return " " + words + " ";
	}
}
