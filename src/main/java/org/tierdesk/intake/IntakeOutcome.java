package org.tierdesk.intake;

/** What the pipeline did with a message. */
public record IntakeOutcome(Kind kind, Long ticketId, String ticketNumber, Long entryId, String note) {

	public enum Kind {
		/** a new ticket was opened */
		OPENED,
		/** it was added to the ticket it follows up */
		APPENDED,
		/** held for review: the sender is unknown and the program holds such messages */
		HELD,
		/** it had come in before; nothing changed */
		DUPLICATE
	}
}
