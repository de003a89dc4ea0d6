package org.tierdesk.sla;

import java.util.function.Consumer;

import org.tierdesk.ticket.TicketTimeline;

/**
 * Rows another module derives from a ticket's timeline, the way the SLA clocks are (the escalation timers), kept in
 * step in the same transaction as the clocks and from the same read of the ticket: every ticket event then costs one
 * listener transaction and one read of the ticket's history, entries and assignments for both, not one each.
 * <p>
 * Called inside that transaction, before the timeline is read: the follower locks the rows it derives for the ticket
 * (so a derivation that read an older timeline never overwrites rows derived from a newer one) and returns what brings
 * them in step with the timeline once it is read. A failure in either rolls both back, and the event is handled again.
 */
public interface TimelineFollower {

	Consumer<TicketTimeline> lockFor(long ticketId);
}
