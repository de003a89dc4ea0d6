package org.tierdesk.system;

/** What a person does at the desk. An account may hold several roles. */
public enum Role {
	/** A requester of a program: sees their own tickets (or their organization's) and only public entries. */
	CUSTOMER,
	/** A desk agent of Tier 1-3, working the tickets of the programs they serve. */
	AGENT,
	/** A person of an outside vendor or OEM (Tier 4): sees only tickets assigned to their group. */
	VENDOR,
	/** Runs a program: its groups, people and settings, and every ticket of it. */
	PROGRAM_MANAGER,
	/** Runs the desk: every program. */
	ADMIN
}
