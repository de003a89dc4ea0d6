package org.tierdesk.sla;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few seconds, looks at the clocks whose warning or due instant has come, in batches, on every instance at
 * once: each batch claims its rows with {@code FOR UPDATE SKIP LOCKED}, so no clock is handled twice. After a
 * restart, what fell due meanwhile is found at the first sweep.
 */
@Component
class SlaSweep {

	private static final Logger log = LoggerFactory.getLogger(SlaSweep.class);

	static final int BATCH = 200;

	private final ServiceLevels serviceLevels;

	SlaSweep(ServiceLevels serviceLevels) {
		this.serviceLevels = serviceLevels;
	}

	@Scheduled(fixedDelayString = "${tierdesk.sla.sweep-interval:2s}", initialDelayString = "${tierdesk.sla.sweep-interval:2s}")
	void sweep() {
		try {
			while (serviceLevels.sweep(BATCH) == BATCH) {
				// a full batch: more may be due
			}
		}
		catch (OptimisticLockingFailureException e) {
			log.debug("a clock changed while it was swept; the next sweep looks again", e);
		}
	}
}
