package org.tierdesk.ticket;

import java.time.Instant;

/** Two tickets were linked. */
public record TicketsLinked(long ticketId, long programId, LinkType type, long targetTicketId, Instant at) implements TicketEvent {
}
