package org.tierdesk.ticket;

/** Derived from impact and urgency through the priority matrix. */
public enum Priority {
	CRITICAL, HIGH, MEDIUM, LOW, PLANNING
}
