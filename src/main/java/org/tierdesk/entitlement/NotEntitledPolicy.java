package org.tierdesk.entitlement;

/** What a program does with a request from someone not entitled. */
public enum NotEntitledPolicy {
	/** Take it, at best effort (no contract service level). */
	BEST_EFFORT,
	/** Take it and flag it for review. */
	FLAG_FOR_REVIEW,
	/** Refuse it with the program's message. */
	REFUSE
}
