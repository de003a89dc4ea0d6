package org.tierdesk.ticket;

import java.time.Instant;

/** A ticket moved from one status to another. */
public record TicketStatusChanged(long ticketId, long programId, TicketStatus from, TicketStatus to, Instant at) implements TicketEvent {
}
