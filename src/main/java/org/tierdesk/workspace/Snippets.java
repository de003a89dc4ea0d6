package org.tierdesk.workspace;

import java.util.List;

import org.springframework.web.util.HtmlUtils;
import org.tierdesk.knowledge.KnowledgeSearch;

/**
 * A search snippet as HTML: the text is escaped first — it is ticket or article content, hostile until proven
 * otherwise — and only then are the match marks turned into {@code <mark>}.
 */
public final class Snippets {

	/** A search hit as a page shows it. */
	public record Found(String number, String title, String html) {
	}

	private Snippets() {
	}

	public static List<Found> of(List<KnowledgeSearch.Hit> hits) {
		return hits.stream().map(h -> new Found(h.number(), h.title(), html(h.snippet()))).toList();
	}

	public static String html(String snippet) {
		if (snippet == null) {
			return "";
		}
		return HtmlUtils.htmlEscape(snippet).replace(KnowledgeSearch.MATCH_START, "<mark>")
			.replace(KnowledgeSearch.MATCH_END, "</mark>");
	}
}
