package org.tierdesk.routing;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tierdesk.system.RetriedOnCollision;
import org.tierdesk.ticket.TicketEscalated;
import org.tierdesk.ticket.TicketOpened;

/**
 * Routes what the ticket module reports after the fact: a new ticket its opening transaction could not route (a new
 * ticket is routed in that transaction, see {@link Routing#route}), and escalated work without a person to someone in
 * the group. Backed by the event publication registry, so a crash never loses a routing. An agent
 * changing the ticket at the same moment makes the routing transaction fail on the ticket's version; it is then
 * tried again, in a new transaction, on the fresh ticket.
 */
@Component
class RoutingListener {

	private final Routing routing;

	RoutingListener(Routing routing) {
		this.routing = routing;
	}

	/** A new ticket is routed in the transaction that opens it; this routes one that was not, after the commit. */
	@ApplicationModuleListener(condition = "!#opened.routed()")
	@RetriedOnCollision
	void on(TicketOpened opened) {
		routing.routeNew(opened.ticketId());
	}

	@ApplicationModuleListener(condition = "#escalated.assigneeId() == null")
	@RetriedOnCollision
	void on(TicketEscalated escalated) {
		routing.assignEscalatedWork(escalated.ticketId(), escalated.assignmentId(), escalated.groupId());
	}
}
