package org.tierdesk.sla;

import java.util.function.Consumer;

import org.tierdesk.ticket.ReportingFacts;
import org.tierdesk.ticket.TicketEvent;

/**
 * Rows another module derives from a ticket as it now is, the way the SLA clocks are (the escalation timers, the
 * reporting facts), kept in step in the same listener transaction as the clocks and from the same read of the ticket:
 * every ticket event then costs one listener transaction and one read of the ticket's history, entries and
 * assignments for all of them, not one each.
 * <p>
 * Called inside that transaction, before the ticket is read: the follower locks the rows it derives for the ticket
 * (so a derivation that read an older ticket never overwrites rows derived from a newer one) and returns what brings
 * them in step with the ticket's facts (its timeline among them) once they are read. {@code cause} is the event that
 * moved the ticket, or {@code null} when the clocks are recomputed because the program's terms changed. A failure in
 * any of them rolls all of them back, and the event is handed over again; each is safe to repeat.
 */
public interface TimelineFollower {

	Consumer<ReportingFacts> lockFor(long ticketId, TicketEvent cause);
}
