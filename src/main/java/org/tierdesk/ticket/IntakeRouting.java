package org.tierdesk.ticket;

import java.util.Optional;

/**
 * Routes a new ticket in the transaction that opens it, so nobody ever sees it unrouted and no listener has to read it
 * again to route it: another module (routing) implements it, so the ticket module needs to know nothing about rules.
 * When it fails the ticket still opens, in its program's Tier 1 queue, and its {@link TicketOpened} says it was not
 * routed, for the routing module to try again after the commit.
 */
public interface IntakeRouting {

	/**
	 * Decides where the new ticket goes and records the decision (in the same transaction).
	 *
	 * @param opened the ticket as opened: its id and number assigned, not yet written
	 * @return the routing to apply, or empty when the ticket stays as it is
	 */
	Optional<Tickets.Routing> route(TicketFacts opened);
}
