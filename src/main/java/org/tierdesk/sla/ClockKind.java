package org.tierdesk.sla;

/** What a clock measures. */
public enum ClockKind {
	/** Until the desk first answers the customer (or resolves). */
	FIRST_RESPONSE,
	/** Until the ticket is resolved; a rejected resolution resumes it. */
	RESOLUTION,
	/** Until the group holding an assignment returns or hands on the work (an OLA, or a vendor's contract). */
	TIER
}
