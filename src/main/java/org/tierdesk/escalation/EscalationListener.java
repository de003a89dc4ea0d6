package org.tierdesk.escalation;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tierdesk.sla.OlaBreached;
import org.tierdesk.system.Collisions;
import org.tierdesk.sla.SlaBreached;
import org.tierdesk.sla.SlaWarningReached;
import org.tierdesk.ticket.TicketEvent;

/**
 * Keeps timers in step with every ticket event, and fires the steps SLA events trigger. Collisions on the same rows
 * are tried again in a fresh transaction (so these listeners have none of their own).
 */
@Component
class EscalationListener {

	private final Escalations escalations;

	EscalationListener(Escalations escalations) {
		this.escalations = escalations;
	}

	@Async
	@TransactionalEventListener
	void on(TicketEvent event) {
		Collisions.retry(() -> escalations.reconcile(event.ticketId()));
	}

	@Async
	@TransactionalEventListener
	void on(SlaWarningReached e) {
		Collisions.retry(() -> escalations.slaReached(e.ticketId(), e.programId(), "SLA_WARNING", e.kind(), e.assignmentId(), null));
	}

	@Async
	@TransactionalEventListener
	void on(SlaBreached e) {
		Collisions.retry(() -> escalations.slaReached(e.ticketId(), e.programId(), "SLA_BREACHED", e.kind(), null, null));
	}

	@Async
	@TransactionalEventListener
	void on(OlaBreached e) {
		Collisions.retry(() -> escalations.slaReached(e.ticketId(), e.programId(), "OLA_BREACHED", null, e.assignmentId(), e.tier()));
	}

}
