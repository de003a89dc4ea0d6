package org.tierdesk.intake;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tierdesk.ticket.Channel;

import jakarta.persistence.EntityManager;

/**
 * Sends what the outbox holds, on every instance at once: each batch claims its rows with
 * {@code FOR UPDATE SKIP LOCKED} and keeps them locked while it sends, so no two instances send the same message;
 * a message is marked sent in the transaction that holds its lock. A failure is retried with growing pauses and
 * shown as FAILED after the last attempt (or at once when the server refused the address).
 */
@Component
class OutboxSweep {

	private static final Logger log = LoggerFactory.getLogger(OutboxSweep.class);

	private final EntityManager entityManager;

	private final TransactionTemplate tx;

	private final Map<Channel, OutboundGateway> gateways = new EnumMap<>(Channel.class);

	private final Clock clock;

	private final int batch;

	OutboxSweep(EntityManager entityManager, PlatformTransactionManager transactions, List<OutboundGateway> gateways,
			Clock clock, @Value("${tierdesk.outbox.batch:20}") int batch) {
		this.entityManager = entityManager;
		this.tx = new TransactionTemplate(transactions);
		gateways.forEach(g -> this.gateways.put(g.channel(), g));
		this.clock = clock;
		this.batch = batch;
	}

	@Scheduled(fixedDelayString = "${tierdesk.outbox.interval:1s}", initialDelayString = "${tierdesk.outbox.interval:1s}")
	void sweep() {
		try {
			while (sendBatch() == batch) {
				// more are due
			}
		}
		catch (RuntimeException e) {
			log.warn("Outbox sweep stopped; the next sweep goes on: {}", e.toString());
		}
	}

	/** Sends up to one batch of due messages; returns how many it claimed. */
	int sendBatch() {
		Integer claimed = tx.execute(status -> {
			@SuppressWarnings("unchecked")
			List<Number> due = entityManager.createNativeQuery("select id from intake_outbound where status = 'PENDING' "
					+ "and next_attempt_at <= ?1 order by id fetch first " + batch + " rows only for update skip locked")
				.setParameter(1, clock.instant().atOffset(ZoneOffset.UTC)).getResultList();
			for (Number id : due) {
				Outbound o = entityManager.find(Outbound.class, id.longValue());
				OutboundGateway gateway = gateways.get(o.channel());
				if (gateway == null) {
					o.failed("no gateway sends " + o.channel() + " messages", true, clock.instant());
					continue;
				}
				try {
					gateway.send(o);
					o.sent(clock.instant());
				}
				catch (OutboundGateway.PermanentFailure e) {
					log.warn("Message {} to {} failed for good: {}", o.id(), o.recipient(), e.getMessage());
					o.failed(e.getMessage(), true, clock.instant());
				}
				catch (Exception e) {
					log.info("Message {} to {} not sent (attempt {}), tried again later: {}", o.id(), o.recipient(),
							o.attempts() + 1, e.toString());
					o.failed(e.toString(), false, clock.instant());
				}
			}
			return due.size();
		});
		return claimed == null ? 0 : claimed;
	}
}
