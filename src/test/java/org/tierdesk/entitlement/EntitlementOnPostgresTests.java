package org.tierdesk.entitlement;

import org.springframework.test.context.ContextConfiguration;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.PostgresForTests;

/** The same entitlement scenarios on a real PostgreSQL. */
@DeskTest
@ContextConfiguration(initializers = PostgresForTests.class)
class EntitlementOnPostgresTests extends EntitlementTests {
}
