package org.tierdesk.workspace;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.InvalidFieldException;

/** An agent's saved queue filters: theirs alone, at most {@value #MAX} of them. */
@Service
@Transactional
public class SavedFilters {

	static final int MAX = 30;

	/** The console's filter parameters; anything else in a saved query string is dropped. */
	private static final Set<String> KEYS = Set.of("queue", "program", "tier", "kind");

	private final SavedFilterRepository filters;

	private final Clock clock;

	SavedFilters(SavedFilterRepository filters, Clock clock) {
		this.filters = filters;
		this.clock = clock;
	}

	public record FilterView(long id, String name, String query) {
	}

	@Transactional(readOnly = true)
	public List<FilterView> of(DeskPrincipal me) {
		return filters.findByAccountIdOrderByName(me.accountId()).stream()
			.map(f -> new FilterView(f.id(), f.name(), f.query())).toList();
	}

	/** Saves (or replaces, by name) a filter. */
	public FilterView save(DeskPrincipal me, String name, String query) {
		String n = name == null ? "" : name.strip();
		if (n.isEmpty() || n.length() > 80) {
			throw new InvalidFieldException("name", "a filter's name is 1 to 80 characters");
		}
		String q = clean(query);
		if (q.isEmpty()) {
			throw new InvalidFieldException("query", "nothing to save: choose a queue or a filter first");
		}
		SavedFilter f = filters.findByAccountIdAndName(me.accountId(), n).orElse(null);
		if (f == null) {
			if (filters.findByAccountIdOrderByName(me.accountId()).size() >= MAX) {
				throw new InvalidFieldException("name", "at most " + MAX + " saved filters; delete one first");
			}
			f = filters.save(new SavedFilter(me.accountId(), n, q, clock.instant()));
		}
		else {
			f.query(q);
		}
		return new FilterView(f.id(), f.name(), f.query());
	}

	public void delete(DeskPrincipal me, long id) {
		filters.findById(id).filter(f -> f.accountId() == me.accountId()).ifPresent(filters::delete);
	}

	/** Keeps only the console's own parameters of a query string, re-encoded. */
	public static String clean(String query) {
		if (query == null || query.length() > 1000) {
			return "";
		}
		StringJoiner kept = new StringJoiner("&");
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			if (eq <= 0) {
				continue;
			}
			String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).strip();
			if (KEYS.contains(key) && !value.isEmpty()) {
				kept.add(key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
			}
		}
		return kept.toString();
	}
}
