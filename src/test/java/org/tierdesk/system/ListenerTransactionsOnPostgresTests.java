package org.tierdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.PostgresForTests;

/** The same on a real PostgreSQL, whose row locks would make a failure recorded too early wait for ever. */
@DeskTest
@ContextConfiguration(initializers = PostgresForTests.class)
class ListenerTransactionsOnPostgresTests extends ListenerTransactionsTests {

	@Test
	void aListenersTransactionCommitsWithoutWaitingForTheLogFlushAndOthersStillWait() {
		String key = poke("commit-mode");

		await().atMost(Duration.ofSeconds(10)).until(() -> probe.commitMode(key) != null);
		String listeners = probe.commitMode(key);
		String others = transaction.execute(s -> jdbc.queryForObject("select current_setting('synchronous_commit')",
				String.class));
		assertThat(listeners).isEqualTo("off");
		assertThat(others).as("every other transaction").isEqualTo("on");
	}
}
