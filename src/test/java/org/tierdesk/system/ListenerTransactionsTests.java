package org.tierdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.support.TransactionTemplate;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.ListenerTransactionProbe;
import org.tierdesk.support.ListenerTransactionProbe.Poke;

/** A listener's work and the record that it handled its event commit as one transaction. */
@DeskTest
class ListenerTransactionsTests {

	@Autowired
	ListenerTransactionProbe probe;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EventSerializer serializer;

	@Autowired
	FailedListenerRetries retries;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Autowired
	org.tierdesk.support.MovableClock clock;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	@BeforeEach
	void noOtherListenerIsAtWork() {
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
				"select count(*) from event_publication where completion_date is null"
						+ " and (status is null or status <> 'FAILED') and event_type not like '%Poke'",
				Integer.class) == 0);
	}

	@AfterEach
	void forgetTheProbesPublications() {
		jdbc.update("delete from event_publication where event_type like '%Poke'");
	}

	@Test
	void handlingAnEventCostsTheListenerOneCommitNotThree() {
		String key = poke("none");
		await().atMost(Duration.ofSeconds(10)).until(() -> probe.handledOn(key) != null && publication(key).isEmpty());

		assertThat(probe.commitsOn(probe.handledOn(key)))
				.as("the processing mark, the listener's work and the completion in one transaction").isEqualTo(1);
	}

	@Test
	void aListenerSpendsNoWriteOnMarkingItsPublicationProcessing() {
		String key = poke("status");
		await().atMost(Duration.ofSeconds(10)).until(() -> probe.handledOn(key) != null && publication(key).isEmpty());

		assertThat(probe.publicationStatus(key))
				.as("no processing mark: nobody outside the listener's transaction could ever see it")
				.isEqualTo("PUBLISHED");
	}

	@Test
	void aListenerThatFailsHasItsPublicationMarkedFailedAndKept() {
		String key = poke("body");

		await().atMost(Duration.ofSeconds(10))
				.until(() -> publication(key).map(p -> "FAILED".equals(p.get("status"))).orElse(false));
		assertThat(publication(key).orElseThrow().get("completion_date")).isNull();
	}

	@Test
	void aListenerThatFailedIsHandedItsEventAgainOnceItsWaitIsOver() {
		String key = poke("once");
		await().atMost(Duration.ofSeconds(10))
				.until(() -> publication(key).map(p -> "FAILED".equals(p.get("status"))).orElse(false));

		retries.retryDue();
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> probe.attempts(key) == 1);

		clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		retries.retryDue();

		await().atMost(Duration.ofSeconds(10)).until(() -> probe.attempts(key) == 2 && publication(key).isEmpty());
	}

	@Test
	void theBacklogGaugesCountTheEventsWaitingForTheirListenerAndThoseWhoseListenerFailedAndTheCounterThoseHandled() {
		double failedBefore = gauge("tierdesk.listeners.failed");
		double completedBefore = completed();
		String held = poke("hold");
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> probe.handledOn(held) != null);
			assertThat(gauge("tierdesk.listeners.pending")).as("the held listener's event").isEqualTo(1);
		}
		finally {
			probe.release(held);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> publication(held).isEmpty());
		assertThat(gauge("tierdesk.listeners.pending")).isZero();
		await().atMost(Duration.ofSeconds(5)).until(() -> completed() >= completedBefore + 1);

		String failing = poke("body");
		await().atMost(Duration.ofSeconds(10))
				.until(() -> publication(failing).map(p -> "FAILED".equals(p.get("status"))).orElse(false));
		assertThat(gauge("tierdesk.listeners.failed")).isEqualTo(failedBefore + 1);
		assertThat(gauge("tierdesk.listeners.pending")).as("a failed event is not pending").isZero();
	}

	private double completed() {
		io.micrometer.core.instrument.Counter c = meters.find("tierdesk.listeners.completed").counter();
		return c == null ? 0 : c.count();
	}

	private double gauge(String name) {
		return meters.get(name).gauge().value();
	}

	@Test
	void aListenerWhoseCommitFailsLeavesItsPublicationToBeHandledAgain() {
		String key = poke("commit");
		await().atMost(Duration.ofSeconds(10)).until(() -> probe.handledOn(key) != null);
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> publication(key).isPresent());

		assertThat(publication(key).orElseThrow().get("completion_date"))
				.as("the completion rolled back with the listener's work").isNull();
	}

	@Test
	void aListenerThatCollidesIsRunAgainInAFreshTransactionAndCompletes() {
		String key = poke("collision-once");

		await().atMost(Duration.ofSeconds(10)).until(() -> probe.attempts(key) == 2 && publication(key).isEmpty());
		assertThat(probe.commitsOn(probe.handledOn(key))).as("the first failure recorded, then the second attempt").isEqualTo(2);
	}

	@Test
	void aTransactionsPublicationsAreWrittenTogetherWhenItCommits() {
		String first = UUID.randomUUID().toString();
		String second = UUID.randomUUID().toString();

		transaction.executeWithoutResult(s -> {
			events.publishEvent(new Poke(first, "body"));
			events.publishEvent(new Poke(second, "body"));
			assertThat(jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?"
					+ " or serialized_event like ?", Integer.class, "%" + first + "%", "%" + second + "%"))
				.as("kept until the commit, to be written in one batch").isZero();
		});

		assertThat(publication(first)).as("written at the commit").isPresent();
		assertThat(publication(second)).as("written at the commit").isPresent();
		await().atMost(Duration.ofSeconds(10)).until(() -> publication(first).map(p -> "FAILED".equals(p.get("status")))
			.orElse(false) && publication(second).map(p -> "FAILED".equals(p.get("status"))).orElse(false));
	}

	@Test
	void aTransactionStartedInsideAnotherWritesItsPublicationsAtItsOwnCommit() {
		String outer = UUID.randomUUID().toString();
		String inner = UUID.randomUUID().toString();
		TransactionTemplate separate = new TransactionTemplate(transactions);
		separate.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		transaction.executeWithoutResult(s -> {
			events.publishEvent(new Poke(outer, "body"));
			separate.executeWithoutResult(t -> events.publishEvent(new Poke(inner, "body")));
			s.setRollbackOnly();
		});

		assertThat(publication(inner)).as("the inner transaction committed its publication").isPresent();
		assertThat(publication(outer)).as("the outer one rolled back with its own").isEmpty();
	}

	@Test
	void anEventPublishedWhileItsTransactionCommitsIsWrittenInIt() {
		String early = UUID.randomUUID().toString();
		String late = UUID.randomUUID().toString();

		transaction.executeWithoutResult(s -> {
			org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
					new org.springframework.transaction.support.TransactionSynchronization() {
						@Override
						public void beforeCommit(boolean readOnly) {
							events.publishEvent(new Poke(late, "body"));
						}
					});
		});
		transaction.executeWithoutResult(s -> {
			events.publishEvent(new Poke(early, "body"));
			org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
					new org.springframework.transaction.support.TransactionSynchronization() {
						@Override
						public int getOrder() {
							return LOWEST_PRECEDENCE;
						}

						@Override
						public void beforeCommit(boolean readOnly) {
							events.publishEvent(new Poke(early + "-after", "body"));
						}
					});
		});

		assertThat(publication(late)).as("the transaction's first event, published as it commits").isPresent();
		assertThat(publication(early)).isPresent();
		assertThat(publication(early + "-after")).as("published after the batch went out").isPresent();
	}

	@Test
	void aTransactionThatRollsBackWritesNoneOfItsPublications() {
		String key = UUID.randomUUID().toString();

		transaction.executeWithoutResult(s -> {
			events.publishEvent(new Poke(key, "none"));
			s.setRollbackOnly();
		});

		assertThat(publication(key)).isEmpty();
		assertThat(probe.handledOn(key)).isNull();
	}

	@Test
	void anEventStoredForSeveralListenersIsSerializedOnce() {
		Poke poke = new Poke("once", "none");

		Object first = serializer.serialize(poke);

		assertThat(serializer.serialize(poke)).as("the same event again: the same text").isSameAs(first);
		assertThat(serializer.serialize(new Poke("once", "none"))).as("another event").isNotSameAs(first)
				.isEqualTo(first);
		assertThat(serializer.deserialize(first, Poke.class)).isEqualTo(poke);
	}

	String poke(String failure) {
		String key = UUID.randomUUID().toString();
		probe.forgetCommits();
		transaction.executeWithoutResult(s -> events.publishEvent(new Poke(key, failure)));
		return key;
	}

	private java.util.Optional<Map<String, Object>> publication(String key) {
		List<Map<String, Object>> rows = jdbc.queryForList(
				"select status, completion_date from event_publication where serialized_event like ?", "%" + key + "%");
		return rows.stream().findFirst();
	}
}
