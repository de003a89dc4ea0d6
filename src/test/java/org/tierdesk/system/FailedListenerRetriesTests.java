package org.tierdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;

/** When a listener that failed is tried again. */
class FailedListenerRetriesTests {

	static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

	final FailedListenerRetries retries = new FailedListenerRetries(options -> {
	}, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(1), Duration.ofMinutes(10), 5, 100);

	@Test
	void theWaitDoublesAfterEachFailedAttemptUpToItsLimit() {
		assertThat(retries.waitAfter(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(retries.waitAfter(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(retries.waitAfter(3)).isEqualTo(Duration.ofMinutes(4));
		assertThat(retries.waitAfter(4)).isEqualTo(Duration.ofMinutes(8));
		assertThat(retries.waitAfter(5)).isEqualTo(Duration.ofMinutes(10));
		assertThat(retries.waitAfter(40)).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void aFailedEventIsDueOnlyOnceItsWaitIsOver() {
		assertThat(retries.due(failed(1, NOW.minusSeconds(59)))).isFalse();
		assertThat(retries.due(failed(1, NOW.minusSeconds(60)))).isTrue();
		assertThat(retries.due(failed(3, NOW.minusSeconds(200)))).as("four minutes after the third").isFalse();
		assertThat(retries.due(failed(3, NOW.minusSeconds(240)))).isTrue();
	}

	@Test
	void anEventThatFailedEveryAttemptIsLeftForTheNextStart() {
		assertThat(retries.due(failed(4, NOW.minus(Duration.ofDays(1))))).isTrue();
		assertThat(retries.due(failed(5, NOW.minus(Duration.ofDays(1))))).isFalse();
	}

	private static EventPublication failed(int attempts, Instant lastTried) {
		return new EventPublication() {

			final UUID id = UUID.randomUUID();

			@Override
			public UUID getIdentifier() {
				return id;
			}

			@Override
			public Object getEvent() {
				return "an event";
			}

			@Override
			public Instant getPublicationDate() {
				return lastTried.minus(Duration.ofHours(1));
			}

			@Override
			public Optional<Instant> getCompletionDate() {
				return Optional.empty();
			}

			@Override
			public Status getStatus() {
				return Status.FAILED;
			}

			@Override
			public Instant getLastResubmissionDate() {
				return lastTried;
			}

			@Override
			public int getCompletionAttempts() {
				return attempts;
			}
		};
	}
}
