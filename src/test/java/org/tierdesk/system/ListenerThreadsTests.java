package org.tierdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.ListenerThreadProbe;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.Impact;
import org.tierdesk.ticket.StructuredFacts;
import org.tierdesk.ticket.TicketKind;
import org.tierdesk.ticket.Tickets;
import org.tierdesk.ticket.Tickets.OpenTicket;
import org.tierdesk.ticket.Urgency;

/** Event listeners run on the desk's bounded pool, however many events come at once. */
@DeskTest
class ListenerThreadsTests {

	@Autowired
	TestDesk testDesk;

	@Autowired
	Tickets tickets;

	@Autowired
	ListenerThreadProbe probe;

	@Test
	void aBurstOfTicketsIsHandledByTheListenerPoolNotAThreadPerEvent() throws Exception {
		Desk d = testDesk.create();
		ExecutorService callers = Executors.newFixedThreadPool(16);
		List<Future<Long>> opened = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			int n = i;
			opened.add(callers.submit(() -> tickets.open(TestDesk.principal(d.agent1()), new OpenTicket(d.key(),
					d.customer().id(), TicketKind.INCIDENT, Channel.PHONE, "burst " + n, "d", StructuredFacts.none(),
					null, Impact.LOW, Urgency.LOW), null).ticket().id()));
		}
		List<Long> ids = new ArrayList<>();
		for (Future<Long> f : opened) {
			ids.add(f.get());
		}
		callers.shutdown();
		await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> probe.threadOf(id) != null));
		assertThat(ids).allSatisfy(id -> assertThat(probe.threadOf(id)).startsWith("listener-"));
		assertThat(probe.peak()).as("never more at once than the pool's threads").isLessThanOrEqualTo(8);
	}
}
