package org.tierdesk.ticket;

import java.time.Instant;

/** A ticket was cancelled. */
public record TicketCancelled(long ticketId, long programId, String reason, Instant at) implements TicketEvent {
}
