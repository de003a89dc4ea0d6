package org.tierdesk.entitlement;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tierdesk.system.Collisions;
import org.tierdesk.ticket.TicketUpdated;

/** Re-checks a ticket's entitlement when the facts it is entitled by (serial, contract, system, site) change. */
@Component
class EntitlementListener {

	private final Entitlements entitlements;

	EntitlementListener(Entitlements entitlements) {
		this.entitlements = entitlements;
	}

	@Async
	@TransactionalEventListener
	void on(TicketUpdated updated) {
		if (!updated.fields().contains("facts")) {
			return;
		}
		Collisions.retry(() -> entitlements.recheck(updated.ticketId()));
	}
}
