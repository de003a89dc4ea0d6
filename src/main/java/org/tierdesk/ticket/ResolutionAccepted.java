package org.tierdesk.ticket;

import java.time.Instant;

/** The customer accepted the resolution. */
public record ResolutionAccepted(long ticketId, long programId, long acceptedBy, Instant at) implements TicketEvent {
}
