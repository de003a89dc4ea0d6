package org.tierdesk.ticket;

import java.util.function.Consumer;

/**
 * Rows another module derives from a ticket as it now is, on every ticket event: the SLA clocks, the escalation
 * timers, the reporting facts and event log, the knowledge views a request followed. All followers are kept in step by
 * one listener ({@link TicketFollowers}), in one transaction, from one read of the ticket, instead of one listener,
 * one transaction and one read each.
 * <p>
 * Called in that transaction before the ticket is read, a follower locks the rows it derives for the ticket. That way
 * a derivation that read an older ticket never overwrites rows derived from a newer one. It returns what brings those
 * rows in step with the ticket's facts (its timeline among them) once they are read. A failure in any follower rolls
 * all of them back, and the event is handed over again, so each must be safe to repeat. {@code @Order} sets the
 * order they lock and apply in.
 */
public interface TicketFollower {

	Consumer<ReportingFacts> lockFor(TicketEvent cause);

	/**
	 * For a ticket opening in this very transaction (ADR 7), which nobody else can see yet: what brings its rows in step
	 * once its facts are known. A follower whose rows cannot exist yet need not read (or lock) them first.
	 */
	default Consumer<ReportingFacts> forOpening(TicketOpened opened) {
		return lockFor(opened);
	}
}
