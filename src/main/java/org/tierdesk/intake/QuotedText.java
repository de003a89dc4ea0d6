package org.tierdesk.intake;

import java.util.regex.Pattern;

/**
 * Trims the quoted history from a reply, so the ticket shows what was new: everything from the first attribution
 * line ("On … wrote:", "Em … escreveu:"), Outlook's "-----Original Message-----" or "From:/Sent:" block, or our own
 * "reply above this line" marker; and a trailing block of "&gt;"-quoted lines. A message that would be left empty
 * is kept whole.
 */
final class QuotedText {

	private static final Pattern CUT = Pattern.compile("(?im)^(?:"
			+ "On\\s.{1,300}?\\swrote:\\s*$"
			+ "|Em\\s.{1,300}?\\sescreveu:\\s*$"
			+ "|-{2,}\\s*(?:Original Message|Mensagem original)\\s*-{2,}\\s*$"
			+ "|_{10,}\\s*$"
			+ "|(?:From|De):\\s.+\\R(?:(?:Sent|Enviado|Date|Data|To|Para|Cc):\\s.*\\R?){1,4}"
			+ "|##\\s*reply above this line\\s*##.*$)");

	private static final Pattern TRAILING_QUOTE = Pattern.compile("(?:\\R\\s*>[^\\r\\n]*)+\\s*$");

	private QuotedText() {
	}

	static String trim(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String kept = text;
		var cut = CUT.matcher(kept);
		if (cut.find()) {
			kept = kept.substring(0, cut.start());
		}
		kept = TRAILING_QUOTE.matcher(kept).replaceFirst("");
		kept = kept.strip();
		return kept.isEmpty() ? text.strip() : kept;
	}
}
