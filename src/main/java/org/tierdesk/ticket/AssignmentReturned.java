package org.tierdesk.ticket;

import java.time.Instant;

/** An assigned group handed its work back to the owner with its findings. */
public record AssignmentReturned(long ticketId, long programId, long assignmentId, long groupId, int fromTier, Instant at) implements TicketEvent {
}
