package org.tierdesk.ticket;

import java.time.Instant;

/** The customer rejected the resolution; the ticket is open again with its owner. */
public record ResolutionRejected(long ticketId, long programId, long rejectedBy, String reason, int reopenCount, Instant at) implements TicketEvent {
}
