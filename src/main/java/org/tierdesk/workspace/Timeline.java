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

	public static Timeline of(List<EntryView> entries, List<HistoryView> history) {
		List<Item> items = new ArrayList<>();
		for (EntryView e : entries) {
			items.add(new Item(e.createdAt(), e.visibility() == EntryVisibility.PUBLIC ? Kind.REPLY : Kind.NOTE,
					e.author(), e.channel() == null ? null : e.channel().name(), e.body(), null, null, null, null, null,
					e.assignmentId()));
		}
		for (HistoryView h : history) {
			items.add(new Item(h.at(), Kind.EVENT, h.actor(), null, null, h.action(), h.field(), h.oldValue(),
					h.newValue(), h.reason(), null));
		}
		items.sort(Comparator.comparing(Item::at).thenComparing(i -> i.kind() == Kind.EVENT ? 0 : 1));
		return new Timeline(List.copyOf(items));
	}
}
