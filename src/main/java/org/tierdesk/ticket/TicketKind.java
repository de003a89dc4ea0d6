package org.tierdesk.ticket;

/** What the requester needs. */
public enum TicketKind {
	/** Something is broken: restore service (break/fix). */
	INCIDENT,
	/** Help, information or a standard service. */
	SERVICE_REQUEST
}
