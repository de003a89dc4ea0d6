package org.tierdesk.escalation;

import org.springframework.test.context.ContextConfiguration;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.PostgresForTests;

/** The same ladders and the concurrent sweep (FOR UPDATE SKIP LOCKED) on a real PostgreSQL. */
@DeskTest
@ContextConfiguration(initializers = PostgresForTests.class)
class EscalationOnPostgresTests extends EscalationTests {
}
