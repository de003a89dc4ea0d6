package org.tierdesk.ticket;

import java.time.Instant;
import java.util.Comparator;

/**
 * A ticket as the metrics count it, read from its own state and history, so it is right whatever order the events
 * arrived in: dimensions, first response, the customer's follow-ups before the resolution, escalations, returns and
 * re-escalations after a return (ping-pongs), the resolution and the tier it happened at, reopenings, acceptance,
 * closing or cancelling, whether specialists swarmed on it, and its timeline (for time per tier). {@code version} lets a reader keep only the newest.
 */
public record ReportingFacts(long ticketId, long programId, long version, String number, String subject,
		TicketStatus status, Instant openedAt, Channel channel,
		TicketKind kind, Priority priority, String category, String system, String site, String organization,
		long requesterId, Long ownerId, Long ownerGroupId, Instant firstResponseAt, int customerFollowUps,
		int escalations, int maxTier, int returns, int pingPongs, Instant resolvedAt, Integer resolvedTier, int reopens,
		Boolean accepted, Instant closedAt, Instant cancelledAt, Instant swarmedAt, String lessonSummary,
		Instant lessonAt, TicketTimeline timeline) {

	static ReportingFacts of(Ticket t) {
		TicketTimeline timeline = TicketTimeline.of(t);
		Instant resolvedAt = t.status() == TicketStatus.RESOLVED || t.status() == TicketStatus.CLOSED ? t.resolvedAt()
				: null;
		TicketEntry description = t.entries().isEmpty() ? null : t.entries().get(0);
		int followUps = (int) t.entries().stream()
			.filter(e -> e != description && e.visibility() == EntryVisibility.PUBLIC && e.authorId() == t.requesterId())
			.filter(e -> resolvedAt == null || !e.createdAt().isAfter(resolvedAt))
			.count();
		var assignments = t.assignments().stream().sorted(Comparator.comparing(Assignment::assignedAt)).toList();
		int returns = 0;
		int pingPongs = 0;
		int maxTier = 1;
		for (Assignment a : assignments) {
			if (returns > 0) {
				pingPongs++;
			}
			if (a.status() == AssignmentStatus.RETURNED) {
				returns++;
			}
			maxTier = Math.max(maxTier, a.tier());
		}
		Integer resolvedTier = resolvedAt == null ? null
				: assignments.stream().filter(a -> !a.assignedAt().isAfter(resolvedAt)
						&& (a.endedAt() == null || a.endedAt().isAfter(resolvedAt)))
					.mapToInt(Assignment::tier).max().orElse(1);
		Boolean accepted = null;
		Instant cancelledAt = null;
		for (HistoryRecord h : t.history()) {
			switch (h.action()) {
				case "RESOLUTION_ACCEPTED" -> accepted = true;
				case "RESOLUTION_REJECTED" -> accepted = null;
				case "AUTO_CLOSED" -> accepted = accepted == null ? Boolean.FALSE : accepted;
				case "STATUS_CHANGED" -> cancelledAt = "CANCELLED".equals(h.newValue()) ? h.occurredAt() : cancelledAt;
				default -> {
				}
			}
		}
		StructuredFacts f = t.facts();
		return new ReportingFacts(t.id(), t.programId(), t.version(), t.number(), t.subject(), t.status(), t.createdAt(), t.channel(), t.kind(), t.priority(),
				t.category(), f.affectedSystem(), f.location(), t.requesterOrganization(), t.requesterId(), t.ownerId(),
				t.ownerGroupId(), timeline.firstDeskReplyAt(), followUps, assignments.size(), maxTier, returns,
				pingPongs, resolvedAt, resolvedTier, t.reopenCount(),
				t.status() == TicketStatus.CLOSED || t.status() == TicketStatus.RESOLVED ? accepted : null,
				t.status() == TicketStatus.CLOSED ? t.closedAt() : null, cancelledAt, t.swarmedAt(), t.lessonSummary(), t.lessonAt(), timeline);
	}
}
