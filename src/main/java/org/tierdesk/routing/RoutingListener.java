package org.tierdesk.routing;

import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;
import org.tierdesk.system.Collisions;
import org.tierdesk.ticket.TicketEscalated;
import org.tierdesk.ticket.TicketOpened;

/**
 * Routes what the ticket module reports: each new ticket by the program's rules, and escalated work without a person
 * to someone in the group. Backed by the event publication registry, so a crash never loses a routing. An agent
 * changing the ticket at the same moment makes the routing transaction fail on the ticket's version; it is then
 * tried again, in a new transaction, on the fresh ticket (which is why these listeners, unlike
 * {@code @ApplicationModuleListener}, do not run in a transaction of their own).
 */
@Component
class RoutingListener {

	private final Routing routing;

	RoutingListener(Routing routing) {
		this.routing = routing;
	}

	@Async
	@TransactionalEventListener
	void on(TicketOpened opened) {
		Collisions.retry(() -> routing.routeNew(opened.ticketId()));
	}

	@Async
	@TransactionalEventListener
	void on(TicketEscalated escalated) {
		if (escalated.assigneeId() == null) {
			Collisions.retry(() -> routing.assignEscalatedWork(escalated.ticketId(), escalated.assignmentId(),
					escalated.groupId()));
		}
	}
}
