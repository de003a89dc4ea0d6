package org.tierdesk.intake;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.tierdesk.identity.Accounts;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.system.RuleViolationException;
import org.tierdesk.ticket.TicketIntake;
import org.tierdesk.ticket.TicketStatus;
import org.tierdesk.ticket.Tickets;

/**
 * The accept/reject links of a resolution notice: the signed token names the ticket and the resolution; following
 * it shows the resolution, and the requester's answer (a POST, so link scanners that fetch every link answer
 * nothing) is recorded as theirs. A token for an earlier resolution, or a ticket no longer waiting, answers nothing.
 */
@Service
public class ResolutionAnswers {

	private final ThreadTokens tokens;

	private final TicketIntake tickets;

	private final Tickets ticketService;

	private final Accounts accounts;

	ResolutionAnswers(ThreadTokens tokens, TicketIntake tickets, Tickets ticketService, Accounts accounts) {
		this.tokens = tokens;
		this.tickets = tickets;
		this.ticketService = ticketService;
		this.accounts = accounts;
	}

	/** What the answer page shows. */
	public record Pending(String number, String subject, String solution, boolean waiting) {
	}

	public Pending lookUp(String token) {
		TicketIntake.Ref t = ticket(token);
		return new Pending(t.number(), t.subject(), Optional.ofNullable(t.solution()).orElse(""),
				t.status() == TicketStatus.RESOLVED && sameResolution(token, t));
	}

	public void answer(String token, boolean accepted, String comment) {
		TicketIntake.Ref t = ticket(token);
		if (t.status() != TicketStatus.RESOLVED || !sameResolution(token, t)) {
			throw new RuleViolationException("token", "this resolution of " + t.number() + " was already answered "
					+ "or replaced by a newer one");
		}
		String reason = comment == null || comment.isBlank() ? null : comment.strip();
		if (!accepted && reason == null) {
			reason = "rejected from the resolution notice";
		}
		ticketService.answerResolution(accounts.byId(t.requesterId()).principal(), t.number(), null, accepted, reason);
	}

	private TicketIntake.Ref ticket(String token) {
		ResolutionLinks.Link link = ResolutionLinks.verify(tokens, token)
			.orElseThrow(() -> new NotFoundException("this link is not valid"));
		return tickets.byId(link.ticketId()).orElseThrow(() -> new NotFoundException("this link is not valid"));
	}

	private boolean sameResolution(String token, TicketIntake.Ref t) {
		return ResolutionLinks.verify(tokens, token)
			.map(l -> t.resolvedAt() != null && t.resolvedAt().toEpochMilli() == l.resolvedAtMillis()).orElse(false);
	}
}
