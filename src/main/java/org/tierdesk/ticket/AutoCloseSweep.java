package org.tierdesk.ticket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Closes resolutions the customer left unanswered past their program's auto-close time. */
@Component
class AutoCloseSweep {

	private static final Logger log = LoggerFactory.getLogger(AutoCloseSweep.class);

	private final Tickets tickets;

	AutoCloseSweep(Tickets tickets) {
		this.tickets = tickets;
	}

	@Scheduled(fixedDelayString = "${tierdesk.ticket.auto-close-sweep-interval:5m}", initialDelayString = "1m")
	void sweep() {
		int closed = tickets.closeUnansweredResolutions(TicketViews.SYSTEM_ACTOR);
		if (closed > 0) {
			log.info("Closed {} unanswered resolution(s)", closed);
		}
	}
}
