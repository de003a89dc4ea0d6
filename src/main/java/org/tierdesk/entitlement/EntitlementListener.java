package org.tierdesk.entitlement;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tierdesk.system.RetriedOnCollision;
import org.tierdesk.ticket.TicketUpdated;

/** Re-checks a ticket's entitlement when the facts it is entitled by (serial, contract, system, site) change. */
@Component
class EntitlementListener {

	private final Entitlements entitlements;

	EntitlementListener(Entitlements entitlements) {
		this.entitlements = entitlements;
	}

	@ApplicationModuleListener(condition = "#updated.fields().contains('facts')")
	@RetriedOnCollision
	void on(TicketUpdated updated) {
		entitlements.recheck(updated.ticketId());
	}
}
