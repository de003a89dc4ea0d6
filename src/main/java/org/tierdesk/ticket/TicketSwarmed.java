package org.tierdesk.ticket;

import java.time.Instant;
import java.util.Set;

/** The owner opened a swarm (or invited more people to it): specialists collaborate on the ticket's internal thread. */
public record TicketSwarmed(long ticketId, long programId, Set<Long> invited, String reason, Instant at) implements TicketEvent {
}
