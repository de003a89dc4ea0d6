package org.tierdesk.ticket;

import java.time.Instant;

/** Hierarchical escalation: a ticket was flagged to a duty manager. */
public record TicketFlaggedToManagement(long ticketId, long programId, Long dutyManagerId, String reason, Instant at) implements TicketEvent {
}
