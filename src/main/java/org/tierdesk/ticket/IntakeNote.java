package org.tierdesk.ticket;

import java.util.Optional;

/**
 * What another module has to tell the agents about a new ticket (the known errors of the system it names, an
 * unsupported release), written by the system as an internal note in the transaction that opens it, so it is there
 * the first time anyone looks. When it fails the ticket still opens, and its {@link TicketOpened} says it was not
 * checked, for that module to try again after the commit.
 */
public interface IntakeNote {

	/** @return the note to write, or empty when there is nothing to say */
	Optional<String> noteOn(IntakeCheck.Intake intake);
}
