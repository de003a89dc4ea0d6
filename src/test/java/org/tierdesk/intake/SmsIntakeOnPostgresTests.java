package org.tierdesk.intake;

import org.springframework.test.context.ContextConfiguration;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.PostgresForTests;

/** Text messages (signature, replayed ids, threading) on a real PostgreSQL. */
@DeskTest
@ContextConfiguration(initializers = PostgresForTests.class)
class SmsIntakeOnPostgresTests extends SmsIntakeTests {
}
