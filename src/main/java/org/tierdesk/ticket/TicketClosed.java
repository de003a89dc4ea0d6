package org.tierdesk.ticket;

import java.time.Instant;

/** A ticket closed: accepted, closed by itself after an unanswered resolution, or merged. */
public record TicketClosed(long ticketId, long programId, boolean automatically, Instant at) implements TicketEvent {
}
