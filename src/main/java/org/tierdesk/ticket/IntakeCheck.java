package org.tierdesk.ticket;

import java.util.Optional;

/**
 * A check every new ticket passes before it is created, in the same transaction: another module (entitlement)
 * implements it, so the ticket module needs to know nothing about contracts. It may refuse the ticket (a clear
 * message, nothing saved) or give the entitlement to snapshot onto it.
 */
public interface IntakeCheck {

	/** The request as the check sees it. */
	record Intake(long programId, long requesterId, String requesterOrganization, TicketKind kind,
			StructuredFacts facts) {
	}

	/**
	 * @return the entitlement to record, or empty to record none
	 * @throws org.tierdesk.system.RuleViolationException to refuse the ticket, with the message the requester sees
	 */
	Optional<Entitlement> check(Intake intake);
}
