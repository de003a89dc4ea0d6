package org.tierdesk.directory;

/** What happens outside a program's office hours. */
public enum AfterHours {
	/** The on-call person of the cognizant authority's rotation is reached. */
	ON_CALL,
	/** Nobody: requests wait for the next office hours. */
	NONE,
	/** The desk is staffed round the clock; there are no "after hours". */
	DESK_24X7
}
