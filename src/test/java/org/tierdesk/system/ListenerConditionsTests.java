package org.tierdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.ListenerTransactionProbe;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.EntryVisibility;
import org.tierdesk.ticket.Impact;
import org.tierdesk.ticket.StructuredFacts;
import org.tierdesk.ticket.TicketKind;
import org.tierdesk.ticket.Tickets;
import org.tierdesk.ticket.Tickets.OpenTicket;
import org.tierdesk.ticket.Urgency;

/** A listener that would have nothing to do with an event is not handed it: no publication, no transaction. */
@DeskTest
class ListenerConditionsTests {

	@Autowired
	TestDesk testDesk;

	@Autowired
	Tickets tickets;

	@Autowired
	ListenerTransactionProbe probe;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transaction;

	Desk d;

	@BeforeEach
	void quietDesk() {
		d = testDesk.create();
		settle();
		probe.forgetCommits();
	}

	@Test
	void aNewTicketIsRoutedAndCheckedForKnownErrorsInTheTransactionThatOpensItNotByListeners() {
		String plain = open(StructuredFacts.none());
		String naming = open(new StructuredFacts(null, "Norfolk", null, "Surface search radar", null));
		settle();

		assertThat(probe.committedTransactions()).as("no listener routes or checks them after the commit")
			.noneMatch(n -> n.endsWith("RoutingListener.on") || n.endsWith("IntakeWarnings.on"));
		for (String number : java.util.List.of(plain, naming)) {
			assertThat(jdbc.queryForObject("select count(*) from routing_decision where ticket_id = "
					+ "(select id from ticket where number = ?)", Integer.class, number)).as(number + " routed")
				.isEqualTo(1);
		}
	}

	@Test
	void onlyAPublicReplyWakesTheNoticesAnInternalNoteDoesNot() {
		String number = open(StructuredFacts.none());
		settle();
		probe.forgetCommits();

		tickets.addEntry(TestDesk.principal(d.agent1()), number, null, EntryVisibility.INTERNAL, Channel.WEB,
				"internal only", false);
		tickets.addEntry(TestDesk.principal(d.agent1()), number, null, EntryVisibility.PUBLIC, Channel.WEB,
				"we are on it", false);
		settle();

		assertThat(probe.committedTransactions()).filteredOn(n -> n.endsWith("Notices.on")).hasSize(1);
	}

	@Test
	void aNewTicketHasItsEscalationTimersAndReportingFactsAsItOpensAndALaterEventBringsThemInStepInOneTransaction() {
		String number = open(StructuredFacts.none());
		String ticket = "(select id from ticket where number = ?)";
		// at once, before any listener could have run
		assertThat(jdbc.queryForObject("select count(*) from escalation_timer where ticket_id = " + ticket
				+ " and dropped = false", Integer.class, number))
			.as("the ladder's timed steps scheduled").isPositive();
		assertThat(jdbc.queryForObject("select count(*) from reporting_ticket_event where event_type = 'TicketOpened'"
				+ " and ticket_id = " + ticket, Integer.class, number)).as("the event recorded").isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from reporting_ticket_fact where ticket_id = " + ticket,
				Integer.class, number)).as("the facts written").isEqualTo(1);
		settle();
		assertThat(probe.committedTransactions()).as("nothing left for the followers' listener")
			.noneMatch(n -> n.endsWith("TicketFollowers.on"));

		tickets.addEntry(TestDesk.principal(d.agent1()), number, null, EntryVisibility.INTERNAL, Channel.WEB,
				"checked the logs", false);
		settle();

		assertThat(probe.committedTransactions()).as("one transaction for all the followers")
			.filteredOn(n -> n.endsWith("TicketFollowers.on")).hasSize(1);
		// (the sweeps, and listeners of SLA events raised for other tests' tickets, may commit meanwhile: they are not
		// this ticket's event)
		assertThat(jdbc.queryForObject("select count(*) from reporting_ticket_event where event_type = 'EntryAdded'"
				+ " and ticket_id = " + ticket, Integer.class, number)).as("the event recorded").isEqualTo(1);
	}

	@Test
	void aTicketWhoseFollowersDidNotFollowItAsItOpenedIsFollowedAfterTheCommit() {
		String number = open(StructuredFacts.none());
		long id = jdbc.queryForObject("select id from ticket where number = ?", Long.class, number);
		// as if they had failed as it opened: no rows, and an event that says they did not follow it
		jdbc.update("delete from reporting_ticket_fact where ticket_id = ?", id);
		jdbc.update("delete from reporting_ticket_event where ticket_id = ?", id);
		var t = tickets.facts(id).orElseThrow();
		transaction.executeWithoutResult(s -> events.publishEvent(new org.tierdesk.ticket.TicketOpened(id, number,
				t.programId(), t.kind(), t.channel(), t.requesterId(), t.priority(), t.ownerGroupId(), t.createdAt(),
				null, null, true, true, false)));
		settle();

		assertThat(jdbc.queryForObject("select count(*) from reporting_ticket_fact where ticket_id = ?", Integer.class,
				id)).as("the facts written after the commit").isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from reporting_ticket_event where ticket_id = ?", Integer.class,
				id)).as("the event recorded").isEqualTo(1);
	}

	private String open(StructuredFacts facts) {
		return tickets.open(TestDesk.principal(d.agent1()), new OpenTicket(d.key(), d.customer().id(),
				TicketKind.INCIDENT, Channel.PHONE, "radar down", "no picture", facts, null, Impact.LOW, Urgency.LOW),
				null).ticket().number();
	}

	private void settle() {
		await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
				"select count(*) from event_publication where completion_date is null"
						+ " and (status is null or status <> 'FAILED')",
				Integer.class) == 0);
	}
}
