package org.tierdesk.escalation;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tierdesk.sla.OlaBreached;
import org.tierdesk.system.RetriedOnCollision;
import org.tierdesk.sla.SlaBreached;
import org.tierdesk.sla.SlaWarningReached;

/**
 * Fires the steps SLA events trigger. Timers are kept in step with every ticket event by the ticket's followers
 * ({@link Escalations} is a {@link org.tierdesk.ticket.TicketFollower}). Collisions on the same rows are tried again in
 * a fresh transaction.
 */
@Component
class EscalationListener {

	private final Escalations escalations;

	EscalationListener(Escalations escalations) {
		this.escalations = escalations;
	}

	@ApplicationModuleListener
	@RetriedOnCollision
	void on(SlaWarningReached e) {
		escalations.slaReached(e.ticketId(), e.programId(), "SLA_WARNING", e.kind(), e.assignmentId(), null);
	}

	@ApplicationModuleListener
	@RetriedOnCollision
	void on(SlaBreached e) {
		escalations.slaReached(e.ticketId(), e.programId(), "SLA_BREACHED", e.kind(), null, null);
	}

	@ApplicationModuleListener
	@RetriedOnCollision
	void on(OlaBreached e) {
		escalations.slaReached(e.ticketId(), e.programId(), "OLA_BREACHED", null, e.assignmentId(), e.tier());
	}

}
