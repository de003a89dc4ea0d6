package org.tierdesk.entitlement;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
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
		for (int attempt = 1;; attempt++) {
			try {
				entitlements.recheck(updated.ticketId());
				return;
			}
			catch (OptimisticLockingFailureException | DataIntegrityViolationException e) {
				if (attempt == 5) {
					throw e;
				}
			}
		}
	}
}
