package org.tierdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;
import org.tierdesk.ticket.Tickets.OpenTicket;

@SpringBootTest
@ActiveProfiles("test")
@Import(TestDesk.class)
class TicketUseCaseTests {

	@Autowired
	Tickets tickets;

	@Autowired
	TestDesk testDesk;

	@Test
	void agentTakesAnOpenedTicket() {
		Desk d = testDesk.create();
		var agent = TestDesk.principal(d.agent1());
		String n = tickets.open(agent, new OpenTicket(d.key(), d.customer().id(), TicketKind.INCIDENT, Channel.PHONE,
				"Printer", "It is broken", null, null, null, null), null).ticket().number();
		var taken = tickets.take(agent, n, null, null);
		assertThat(taken.status()).isEqualTo(TicketStatus.OPEN);
		assertThat(taken.owner().id()).isEqualTo(d.agent1().id());
	}
}
