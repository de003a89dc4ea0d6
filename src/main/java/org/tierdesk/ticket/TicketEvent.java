package org.tierdesk.ticket;

import java.time.Instant;

/** Every fact the ticket module publishes. Each names the ticket, its program and when it happened. */
public interface TicketEvent {

	long ticketId();

	long programId();

	Instant at();
}
