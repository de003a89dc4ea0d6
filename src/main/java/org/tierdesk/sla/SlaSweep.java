package org.tierdesk.sla;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few seconds, looks at the clocks whose warning or due instant has come, in batches (small, so each batch's
 * events are published soon after its clocks fell due), on every instance at once: each batch claims its rows with {@code FOR UPDATE SKIP LOCKED}, so no clock is handled twice. After a
 * restart, what fell due meanwhile is found at the first sweep.
 */
@Component
class SlaSweep {

	private static final Logger log = LoggerFactory.getLogger(SlaSweep.class);

	private final int batch;

	private final ServiceLevels serviceLevels;

	private final io.micrometer.core.instrument.Timer batches;

	SlaSweep(ServiceLevels serviceLevels, io.micrometer.core.instrument.MeterRegistry meters,
			@org.springframework.beans.factory.annotation.Value("${tierdesk.sla.sweep-batch:50}") int batch) {
		this.serviceLevels = serviceLevels;
		this.batch = batch;
		this.batches = io.micrometer.core.instrument.Timer.builder("tierdesk.sla.sweep.batch")
			.description("one sweep batch: claim due clocks, measure them, publish what they reached")
			.publishPercentiles(0.5, 0.99).register(meters);
	}

	@Scheduled(fixedDelayString = "${tierdesk.sla.sweep-interval:2s}", initialDelayString = "${tierdesk.sla.sweep-interval:2s}")
	void sweep() {
		try {
			int handled;
			do {
				long started = System.nanoTime();
				handled = serviceLevels.sweep(batch);
				if (handled > 0) {
					batches.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
				}
			}
			while (handled == batch);
		}
		catch (OptimisticLockingFailureException e) {
			log.debug("a clock changed while it was swept; the next sweep looks again", e);
		}
	}
}
