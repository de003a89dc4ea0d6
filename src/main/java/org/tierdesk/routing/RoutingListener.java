package org.tierdesk.routing;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tierdesk.ticket.TicketEscalated;
import org.tierdesk.ticket.TicketOpened;

/**
 * Routes what the ticket module reports: each new ticket by the program's rules, and escalated work without a person
 * to someone in the group. Backed by the event publication registry, so a crash never loses a routing.
 */
@Component
class RoutingListener {

	private final Routing routing;

	RoutingListener(Routing routing) {
		this.routing = routing;
	}

	@ApplicationModuleListener
	void on(TicketOpened opened) {
		routing.routeNew(opened.ticketId());
	}

	@ApplicationModuleListener
	void on(TicketEscalated escalated) {
		if (escalated.assigneeId() == null) {
			routing.assignEscalatedWork(escalated.ticketId(), escalated.assignmentId(), escalated.groupId());
		}
	}
}
