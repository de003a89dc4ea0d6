package org.tierdesk.system;

import org.springframework.test.context.ContextConfiguration;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.PostgresForTests;

/** The same on a real PostgreSQL, whose row locks would make a failure recorded too early wait for ever. */
@DeskTest
@ContextConfiguration(initializers = PostgresForTests.class)
class ListenerTransactionsOnPostgresTests extends ListenerTransactionsTests {
}
