package org.tierdesk.sla;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tierdesk.system.RetriedOnCollision;
import org.tierdesk.ticket.TicketEvent;

/**
 * Re-derives a ticket's clocks whenever anything happens to it, and with them the rows other modules derive from the
 * same timeline ({@link TimelineFollower}: the escalation timers, the reporting facts), from one read of the ticket in one transaction. The
 * clocks come from the ticket's history, so events may arrive in any order; two derivations of the same ticket at once
 * collide on its clock rows, and the loser tries again in a fresh transaction.
 */
@Component
class SlaListener {

	private final ServiceLevels serviceLevels;

	SlaListener(ServiceLevels serviceLevels) {
		this.serviceLevels = serviceLevels;
	}

	@ApplicationModuleListener
	@RetriedOnCollision
	void on(TicketEvent event) {
		serviceLevels.reconcile(event.ticketId(), event);
	}
}
