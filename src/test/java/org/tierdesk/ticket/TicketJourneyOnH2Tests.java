package org.tierdesk.ticket;

import org.tierdesk.support.DeskTest;

@DeskTest
class TicketJourneyOnH2Tests extends TicketJourneyTests {
}
