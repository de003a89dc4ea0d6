package org.tierdesk.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a ticket went through, in order, for modules that measure time on it (SLA and OLA clocks, escalation): when it
 * was opened, each status it entered, when the desk answered the customer in public, when anyone last wrote on it,
 * and each assignment to a higher tier with its start and end. Read from the ticket's own history, so a clock derived from it never
 * depends on the order events were delivered in.
 */
public record TicketTimeline(long ticketId, String number, long programId, Priority priority, Instant openedAt,
		List<StatusSpan> statuses, Instant firstDeskReplyAt, List<AssignmentSpan> assignments, String serviceLevel,
		List<Instant> deskReplies, Instant lastEntryAt) {

	/** The ticket was in {@code status} from {@code from}; the next span starts when it left. */
	public record StatusSpan(TicketStatus status, Instant from) {
	}

	/** Work at a tier: from its assignment until it came back, was handed on or withdrawn (null: still there). */
	public record AssignmentSpan(long assignmentId, long groupId, int tier, Instant from, Instant until,
			AssignmentStatus status) {
	}

	static TicketTimeline of(Ticket t) {
		List<StatusSpan> statuses = new ArrayList<>();
		statuses.add(new StatusSpan(TicketStatus.NEW, t.createdAt()));
		for (HistoryRecord h : t.history()) {
			if ("STATUS_CHANGED".equals(h.action())) {
				statuses.add(new StatusSpan(TicketStatus.valueOf(h.newValue()), h.occurredAt()));
			}
		}
		// the first entry is the ticket's description, whoever wrote it down
		TicketEntry description = t.entries().isEmpty() ? null : t.entries().get(0);
		List<Instant> replies = t.entries().stream()
			.filter(e -> e != description && e.visibility() == EntryVisibility.PUBLIC && e.authorId() != t.requesterId())
			.map(TicketEntry::createdAt).sorted().toList();
		Instant firstReply = replies.isEmpty() ? null : replies.get(0);
		Instant lastEntry = t.entries().stream().map(TicketEntry::createdAt).max(Instant::compareTo)
			.orElse(t.createdAt());
		List<AssignmentSpan> assignments = t.assignments().stream()
			.map(a -> new AssignmentSpan(a.id(), a.groupId(), a.tier(), a.assignedAt(), a.endedAt(), a.status()))
			.toList();
		return new TicketTimeline(t.id(), t.number(), t.programId(), t.priority(), t.createdAt(), List.copyOf(statuses),
				firstReply, assignments, t.entitlement().map(Entitlement::serviceLevel).orElse(null), replies, lastEntry);
	}
}
