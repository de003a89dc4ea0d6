package org.tierdesk.ticket;

import java.time.Instant;

/** A duplicate ticket was merged into its original. */
public record TicketMerged(long ticketId, long programId, long intoTicketId, Instant at) implements TicketEvent {
}
