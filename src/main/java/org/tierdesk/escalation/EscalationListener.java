package org.tierdesk.escalation;

import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tierdesk.sla.OlaBreached;
import org.tierdesk.sla.SlaBreached;
import org.tierdesk.sla.SlaWarningReached;
import org.tierdesk.ticket.TicketEvent;

/**
 * Keeps timers in step with every ticket event, and fires the steps SLA events trigger. Collisions on the same rows
 * are tried again in a fresh transaction (so these listeners have none of their own).
 */
@Component
class EscalationListener {

	private static final int ATTEMPTS = 5;

	private final Escalations escalations;

	EscalationListener(Escalations escalations) {
		this.escalations = escalations;
	}

	@Async
	@TransactionalEventListener
	void on(TicketEvent event) {
		retrying(() -> {
			escalations.reconcile(event.ticketId());
			return null;
		});
	}

	@Async
	@TransactionalEventListener
	void on(SlaWarningReached e) {
		retrying(() -> {
			escalations.slaReached(e.ticketId(), e.programId(), "SLA_WARNING", e.kind(), e.assignmentId(), null);
			return null;
		});
	}

	@Async
	@TransactionalEventListener
	void on(SlaBreached e) {
		retrying(() -> {
			escalations.slaReached(e.ticketId(), e.programId(), "SLA_BREACHED", e.kind(), null, null);
			return null;
		});
	}

	@Async
	@TransactionalEventListener
	void on(OlaBreached e) {
		retrying(() -> {
			escalations.slaReached(e.ticketId(), e.programId(), "OLA_BREACHED", null, e.assignmentId(), e.tier());
			return null;
		});
	}

	static <T> T retrying(Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return work.get();
			}
			catch (OptimisticLockingFailureException | DataIntegrityViolationException e) {
				if (attempt == ATTEMPTS) {
					throw e;
				}
			}
		}
	}
}
