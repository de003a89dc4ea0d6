package org.tierdesk.directory;

/** How routing picks a person inside a group when work arrives for the group without one. */
public enum PersonAssignment {
	/** Nobody: the work waits in the group's queue until someone takes it. */
	NONE,
	/** Members in turn, skipping those away or off shift; the turn is kept in the database, shared by instances. */
	ROUND_ROBIN,
	/** The available member with the least active work of this group. */
	LEAST_LOADED
}
