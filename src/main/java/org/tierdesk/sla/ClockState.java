package org.tierdesk.sla;

/** Where a clock stands. */
public enum ClockState {
	/** Counting, below its warning threshold. */
	RUNNING,
	/** Counting, past its warning threshold. */
	WARNING,
	/** Not counting: the ticket waits (on the customer, or the vendor where the policy says so). */
	PAUSED,
	/** Stopped within its target. */
	MET,
	/** Past its target (stopped or not). */
	BREACHED,
	/** Stopped without an outcome: the ticket was cancelled or the work withdrawn. */
	CANCELLED
}
