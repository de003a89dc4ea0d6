package org.tierdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;

/** A routing that collides with an agent's change is tried again, a few times, and then left to the registry. */
class RoutingListenerTests {

	@Test
	void aCollisionOnTheTicketsVersionIsTriedAgain() {
		AtomicInteger calls = new AtomicInteger();
		String result = RoutingListener.retrying(() -> {
			if (calls.incrementAndGet() < 3) {
				throw new OptimisticLockingFailureException("ticket changed meanwhile");
			}
			return "routed";
		});
		assertThat(result).isEqualTo("routed");
		assertThat(calls).hasValue(3);
	}

	@Test
	void aTicketThatKeepsChangingFailsTheDeliveryForTheRegistryToRetryLater() {
		AtomicInteger calls = new AtomicInteger();
		assertThatThrownBy(() -> RoutingListener.retrying(() -> {
			calls.incrementAndGet();
			throw new OptimisticLockingFailureException("ticket changed meanwhile");
		})).isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(calls).hasValue(5);
		assertThatThrownBy(() -> RoutingListener.retrying(() -> {
			throw new IllegalStateException("not a collision");
		})).as("other failures are not retried").isInstanceOf(IllegalStateException.class);
	}
}
