package org.tierdesk.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands an event whose listener failed (a database that was down, a deadlock that outlasted the collision retries, a
 * bug since fixed) to that listener again, while the desk runs: waiting {@code retry-interval} after the first failure
 * and twice as long after each further one (at most {@code retry-max-wait}), up to {@code retry-attempts} attempts in
 * all. An event still failing after that stays in the registry, marked failed, and is handed over once more at the next
 * start. Several instances may run this together: each resubmission is claimed in the database first (Modulith's
 * {@code markResubmitted}, an update that only one instance wins), so no event is handed to a listener twice at once.
 */
@Component
class FailedListenerRetries {

	private static final Logger log = LoggerFactory.getLogger(FailedListenerRetries.class);

	private final FailedEventPublications failed;

	private final Clock clock;

	private final Duration interval;

	private final Duration maxWait;

	private final int attempts;

	private final int batch;

	FailedListenerRetries(FailedEventPublications failed, Clock clock,
			@Value("${tierdesk.listeners.retry-interval:1m}") Duration interval,
			@Value("${tierdesk.listeners.retry-max-wait:1h}") Duration maxWait,
			@Value("${tierdesk.listeners.retry-attempts:10}") int attempts,
			@Value("${tierdesk.listeners.retry-batch:200}") int batch) {
		this.failed = failed;
		this.clock = clock;
		this.interval = interval;
		this.maxWait = maxWait;
		this.attempts = attempts;
		this.batch = batch;
	}

	@Scheduled(fixedDelayString = "${tierdesk.listeners.retry-interval:1m}",
			initialDelayString = "${tierdesk.listeners.retry-interval:1m}")
	void retryDue() {
		try {
			failed.resubmit(ResubmissionOptions.defaults().withBatchSize(batch).withMaxInFlight(batch)
				.withMinAge(interval).withFilter(this::due));
		}
		catch (RuntimeException e) {
			// the database may be down: the failed events wait in it for the next round
			log.warn("Could not hand failed events to their listeners again: {}", e.toString());
		}
	}

	/** Whether a failed publication's wait is over and it has attempts left. */
	boolean due(EventPublication publication) {
		int made = publication.getCompletionAttempts();
		if (made >= attempts) {
			return false;
		}
		Instant last = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
				: publication.getPublicationDate();
		return !last.plus(waitAfter(made)).isAfter(clock.instant());
	}

	/** The wait after {@code made} attempts: the interval, doubled for each attempt after the first, capped. */
	Duration waitAfter(int made) {
		Duration wait = interval;
		for (int i = 1; i < made && wait.compareTo(maxWait) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(maxWait) > 0 ? maxWait : wait;
	}
}
