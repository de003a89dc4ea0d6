package org.tierdesk.ticket;

/** Where a piece of assigned work stands. */
public enum AssignmentStatus {
	/** The group is working on it now. */
	ACTIVE,
	/** The group handed the work back to the owner with its findings. */
	RETURNED,
	/** The work went on up to another group. */
	HANDED_ON,
	/** The owner took the work back without waiting for findings (resolution, cancellation). */
	WITHDRAWN
}
