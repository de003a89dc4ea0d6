package org.tierdesk.sla;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tierdesk.system.Collisions;
import org.tierdesk.ticket.TicketEvent;

/**
 * Re-derives a ticket's clocks whenever anything happens to it. The clocks come from the ticket's history, so events
 * may arrive in any order; two derivations of the same ticket at once collide on its clock rows, and the loser tries
 * again in a fresh transaction (so this listener does not run in a transaction of its own).
 */
@Component
class SlaListener {

	private final ServiceLevels serviceLevels;

	SlaListener(ServiceLevels serviceLevels) {
		this.serviceLevels = serviceLevels;
	}

	@Async
	@TransactionalEventListener
	void on(TicketEvent event) {
		Collisions.retry(() -> serviceLevels.reconcile(event.ticketId()));
	}
}
