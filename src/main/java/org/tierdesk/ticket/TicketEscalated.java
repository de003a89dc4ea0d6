package org.tierdesk.ticket;

import java.time.Instant;

/** Work was assigned to a group at a higher tier (functional escalation or vectoring); the owner is unchanged. {@code assigneeId} is null when
 * the work waits in the group's queue. */
public record TicketEscalated(long ticketId, long programId, int fromTier, int toTier, long groupId, long assignmentId, Long assigneeId, String reason, Instant at) implements TicketEvent {
}
