package org.tierdesk.intake;

import org.springframework.test.context.ContextConfiguration;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.PostgresForTests;

/** The same mail scenarios — exactly once, leases, threading, loops, bounces — on a real PostgreSQL. */
@DeskTest
@ContextConfiguration(initializers = PostgresForTests.class)
class MailIntakeOnPostgresTests extends MailIntakeTests {
}
