package org.tierdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicketStatusTests {

	@Test
	void followsTheDesksLifecycle() {
		assertThat(TicketStatus.NEW.canMoveTo(TicketStatus.OPEN)).isTrue();
		assertThat(TicketStatus.NEW.canMoveTo(TicketStatus.RESOLVED)).isFalse();
		assertThat(TicketStatus.OPEN.canMoveTo(TicketStatus.WAITING_ON_CUSTOMER)).isTrue();
		assertThat(TicketStatus.WAITING_ON_VENDOR.canMoveTo(TicketStatus.RESOLVED)).isTrue();
		assertThat(TicketStatus.RESOLVED.canMoveTo(TicketStatus.CLOSED)).isTrue();
		assertThat(TicketStatus.RESOLVED.canMoveTo(TicketStatus.OPEN)).isTrue();
		assertThat(TicketStatus.OPEN.canMoveTo(TicketStatus.CLOSED)).isFalse();
	}

	@Test
	void closedAndCancelledAreFinal() {
		for (TicketStatus next : TicketStatus.values()) {
			assertThat(TicketStatus.CLOSED.canMoveTo(next)).isFalse();
			assertThat(TicketStatus.CANCELLED.canMoveTo(next)).isFalse();
		}
	}
}
