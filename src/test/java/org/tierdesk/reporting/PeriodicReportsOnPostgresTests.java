package org.tierdesk.reporting;

import org.springframework.test.context.ContextConfiguration;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.PostgresForTests;

/** The same scenarios on a real PostgreSQL. */
@DeskTest
@ContextConfiguration(initializers = PostgresForTests.class)
class PeriodicReportsOnPostgresTests extends PeriodicReportsTests {
}
