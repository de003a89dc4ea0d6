package org.tierdesk.ticket;

import java.time.Instant;

/** Fields of a ticket changed (subject, category, impact, urgency, priority, structured facts). */
public record TicketUpdated(long ticketId, long programId, java.util.Set<String> fields, Instant at) implements TicketEvent {
}
