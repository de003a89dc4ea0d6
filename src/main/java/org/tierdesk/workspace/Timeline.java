package org.tierdesk.workspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.tierdesk.ticket.EntryVisibility;
import org.tierdesk.ticket.TicketViews.EntryView;
import org.tierdesk.ticket.TicketViews.HistoryView;
import org.tierdesk.ticket.TicketViews.PersonRef;

/**
 * One ticket's story in the order it happened: the conversation (public replies and internal notes) and the
 * history (opened, taken, escalated, returned, resolved ...), as the workspace shows it.
 */
public record Timeline(List<Item> items) {

	public enum Kind {
		REPLY, NOTE, EVENT
	}

	/**
	 * One moment: a reply or note ({@code body}), or a change ({@code action}, {@code field}, old and new value,
	 * {@code reason}).
	 */
	public record Item(Instant at, Kind kind, PersonRef who, String channel, String body, String action, String field,
			String oldValue, String newValue, String reason, Long assignmentId) {

		public boolean isEntry() {
			return kind != Kind.EVENT;
		}
	}

	private static final java.util.Set<String> PERSON_FIELDS = java.util.Set.of("owner", "assignee", "watcher",
			"dutyManager");

	private static final java.util.Set<String> GROUP_FIELDS = java.util.Set.of("ownerGroup");

	/** The ids of people and groups the history's changes name (to be shown by name). */
	public static java.util.Set<Long> named(List<HistoryView> history, boolean people) {
		java.util.Set<String> fields = people ? PERSON_FIELDS : GROUP_FIELDS;
		java.util.Set<Long> ids = new java.util.HashSet<>();
		for (HistoryView h : history) {
			if (h.field() != null && fields.contains(h.field())) {
				for (String v : new String[] { h.oldValue(), h.newValue() }) {
					if (v != null && v.matches("\\d{1,18}")) {
						ids.add(Long.valueOf(v));
					}
				}
			}
		}
		return ids;
	}

	public static Timeline of(List<EntryView> entries, List<HistoryView> history) {
		return of(entries, history, java.util.Map.of(), java.util.Map.of());
	}

	/** The timeline, with the people and groups the changes name shown by their names. */
	public static Timeline of(List<EntryView> entries, List<HistoryView> history, java.util.Map<Long, String> people,
			java.util.Map<Long, String> groups) {
		List<Item> items = new ArrayList<>();
		for (EntryView e : entries) {
			items.add(new Item(e.createdAt(), e.visibility() == EntryVisibility.PUBLIC ? Kind.REPLY : Kind.NOTE,
					e.author(), e.channel() == null ? null : e.channel().name(), e.body(), null, null, null, null, null,
					e.assignmentId()));
		}
		for (HistoryView h : history) {
			java.util.Map<Long, String> names = h.field() == null ? java.util.Map.of()
					: PERSON_FIELDS.contains(h.field()) ? people : GROUP_FIELDS.contains(h.field()) ? groups
							: java.util.Map.of();
			items.add(new Item(h.at(), Kind.EVENT, h.actor(), null, null, h.action(), h.field(),
					name(h.oldValue(), names), name(h.newValue(), names), h.reason(), null));
		}
		items.sort(Comparator.comparing(Item::at).thenComparing(i -> i.kind() == Kind.EVENT ? 0 : 1));
		return new Timeline(List.copyOf(items));
	}

	private static String name(String value, java.util.Map<Long, String> names) {
		if (value == null || names.isEmpty() || !value.matches("\\d{1,18}")) {
			return value;
		}
		return names.getOrDefault(Long.valueOf(value), value);
	}
}
