package org.tierdesk.escalation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few seconds, fires the escalation timers that fell due, in batches claimed with {@code FOR UPDATE SKIP
 * LOCKED}, on every instance at once; after a restart, what fell due meanwhile fires at the first sweep, once.
 */
@Component
class EscalationSweep {

	private static final Logger log = LoggerFactory.getLogger(EscalationSweep.class);

	static final int BATCH = 100;

	private final Escalations escalations;

	EscalationSweep(Escalations escalations) {
		this.escalations = escalations;
	}

	@Scheduled(fixedDelayString = "${tierdesk.escalation.sweep-interval:2s}",
			initialDelayString = "${tierdesk.escalation.sweep-interval:2s}")
	void sweep() {
		try {
			while (escalations.sweep(BATCH) == BATCH) {
				// a full batch: more may be due
			}
		}
		catch (OptimisticLockingFailureException e) {
			log.debug("a ticket changed while its escalation fired; the next sweep looks again", e);
		}
	}
}
