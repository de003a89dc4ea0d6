package org.tierdesk.ticket;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.tierdesk.system.RetriedOnCollision;

/**
 * Brings every {@link TicketFollower} in step with each ticket event, after the ticket's transaction commits, through
 * the event publication registry (so a crash never loses one): all their rows are locked first, the ticket is read
 * once, then each applies what it derives, and all of it commits together with the event's completion. Derivations are
 * made from the ticket as it now is, so events may arrive in any order; two derivations of the same ticket at once
 * collide on the followers' rows, and the loser tries again in a fresh transaction.
 */
@Component
class TicketFollowers {

	/** The followers in their order: looked up once, not on every ticket event. */
	private final SingletonSupplier<List<TicketFollower>> followers;

	private final Tickets tickets;

	TicketFollowers(ObjectProvider<TicketFollower> followers, Tickets tickets) {
		this.followers = SingletonSupplier.of(() -> followers.orderedStream().toList());
		this.tickets = tickets;
	}

	/** Every ticket event but the opening of a ticket whose followers were brought in step as it opened. */
	@ApplicationModuleListener(condition = "!(#event instanceof T(org.tierdesk.ticket.TicketOpened)) || !#event.followed()")
	@RetriedOnCollision
	void on(TicketEvent event) {
		List<Consumer<ReportingFacts>> followUps = followers.obtain().stream().map(f -> f.lockFor(event)).toList();
		Optional<ReportingFacts> facts = tickets.reportingFacts(event.ticketId());
		facts.ifPresent(f -> followUps.forEach(followUp -> followUp.accept(f)));
	}
}
