package org.tierdesk.intake;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.web.util.HtmlUtils;

/**
 * Makes text of an HTML mail body: the OWASP Java HTML Sanitizer first drops everything but harmless structure
 * (no scripts, styles, event handlers, forms, remote content), under a time limit so a hostile body cannot hold the
 * fetch; then the remaining structure becomes line breaks and the entities become characters. The ticket keeps
 * text, which every page escapes.
 */
final class HtmlText {

	private static final PolicyFactory STRUCTURE = new HtmlPolicyBuilder()
		.allowElements("p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
				"pre", "ul", "ol", "table", "tbody", "thead", "span", "b", "i", "strong", "em", "a")
		.toFactory();

	private static final ExecutorService CLEANERS = Executors.newCachedThreadPool(MailboxPoller.daemons("html-cleaner-"));

	private HtmlText() {
	}

	static String toText(String html, long timeoutMillis) throws BadMail {
		Future<String> cleaning = CLEANERS.submit(() -> STRUCTURE.sanitize(html));
		String safe;
		try {
			safe = cleaning.get(timeoutMillis, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException e) {
			cleaning.cancel(true);
			throw new BadMail("the HTML body could not be cleaned within " + timeoutMillis + " ms");
		}
		catch (ExecutionException e) {
			throw new BadMail("the HTML body could not be cleaned: " + e.getCause(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new BadMail("interrupted while cleaning the HTML body");
		}
		String text = safe.replaceAll("(?i)<br\\s*/?>", "\n")
			.replaceAll("(?i)</(p|div|li|tr|h[1-6]|blockquote|pre|table)>", "\n")
			.replaceAll("<[^>]*>", "");
		text = HtmlUtils.htmlUnescape(text);
		return text.replaceAll("[ \\t\\x0B\\f]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
	}
}
