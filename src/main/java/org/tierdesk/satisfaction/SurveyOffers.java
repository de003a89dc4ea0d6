package org.tierdesk.satisfaction;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tierdesk.ticket.TicketClosed;
import org.tierdesk.ticket.TicketIntake;

/** Offers the survey when a ticket closes accepted or by itself — not when it was merged into another. */
@Component
class SurveyOffers {

	private final Surveys surveys;

	private final TicketIntake tickets;

	SurveyOffers(Surveys surveys, TicketIntake tickets) {
		this.surveys = surveys;
		this.tickets = tickets;
	}

	@ApplicationModuleListener
	void on(TicketClosed closed) {
		TicketIntake.Ref t = tickets.byId(closed.ticketId()).orElse(null);
		if (t == null || t.mergedIntoId() != null) {
			return;
		}
		surveys.offer(closed.ticketId(),
				closed.automatically() ? Surveys.Survey.Closed.AUTO_CLOSED : Surveys.Survey.Closed.ACCEPTED);
	}
}
