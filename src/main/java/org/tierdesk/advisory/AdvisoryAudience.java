package org.tierdesk.advisory;

/** Who an advisory is for: the customers it targets, the desk's agents, or both. */
public enum AdvisoryAudience {
	CUSTOMERS, AGENTS, EVERYONE;

	boolean customers() {
		return this != AGENTS;
	}

	boolean agents() {
		return this != CUSTOMERS;
	}
}
