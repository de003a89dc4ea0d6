package org.tierdesk.ticket;

import java.time.Instant;

/** The owner resolved a ticket; it waits for the customer's acceptance. */
public record TicketResolved(long ticketId, long programId, ResolutionCode code, int tier, Instant autoCloseAt, Instant at) implements TicketEvent {
}
