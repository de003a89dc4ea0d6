package org.tierdesk.ticket;

import java.time.Instant;

/** Work was assigned to a group at a higher tier (functional escalation or vectoring); the owner is unchanged. */
public record TicketEscalated(long ticketId, long programId, int fromTier, int toTier, long groupId, long assignmentId, String reason, Instant at) implements TicketEvent {
}
