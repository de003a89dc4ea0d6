package org.tierdesk.sla;

/** What a clock measures. */
public enum ClockKind {
	/** Until the desk first answers the customer (or resolves). */
	FIRST_RESPONSE,
	/**
	 * From each public answer of the desk to the next (one clock per answer): the customer hears from the desk at
	 * least this often until the ticket is resolved.
	 */
	NEXT_UPDATE,
	/** Until the ticket is resolved; a rejected resolution resumes it. */
	RESOLUTION,
	/** Until the group holding an assignment returns or hands on the work (an OLA, or a vendor's contract). */
	TIER
}
