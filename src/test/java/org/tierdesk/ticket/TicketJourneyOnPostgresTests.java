package org.tierdesk.ticket;

import org.springframework.test.context.ContextConfiguration;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.PostgresForTests;

@DeskTest
@ContextConfiguration(initializers = PostgresForTests.class)
class TicketJourneyOnPostgresTests extends TicketJourneyTests {
}
