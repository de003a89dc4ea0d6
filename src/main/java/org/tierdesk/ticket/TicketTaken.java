package org.tierdesk.ticket;

import java.time.Instant;

/** An agent took ownership of a ticket (from the queue, or over from another owner). */
public record TicketTaken(long ticketId, long programId, long ownerId, Long previousOwnerId, Instant at) implements TicketEvent {
}
