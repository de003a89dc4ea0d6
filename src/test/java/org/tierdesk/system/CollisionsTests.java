package org.tierdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;

/** Work that collides with another transaction on the same rows is done again, a few times, then given up. */
class CollisionsTests {

	@Test
	void aCollisionIsTriedAgain() {
		AtomicInteger calls = new AtomicInteger();
		Collisions.retry(() -> {
			if (calls.incrementAndGet() == 1) {
				throw new OptimisticLockingFailureException("ticket changed meanwhile");
			}
			if (calls.get() == 2) {
				throw new DataIntegrityViolationException("the other one inserted first");
			}
		});
		assertThat(calls).hasValue(3);
	}

	@Test
	void workThatKeepsCollidingFailsForTheRegistryToRetryLaterAndOtherFailuresAreNotRetried() {
		AtomicInteger calls = new AtomicInteger();
		assertThatThrownBy(() -> Collisions.retry(() -> {
			calls.incrementAndGet();
			throw new OptimisticLockingFailureException("ticket changed meanwhile");
		})).isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(calls).hasValue(Collisions.ATTEMPTS);
		AtomicInteger once = new AtomicInteger();
		assertThatThrownBy(() -> Collisions.retry(() -> {
			once.incrementAndGet();
			throw new IllegalStateException("not a collision");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(once).hasValue(1);
	}
}
