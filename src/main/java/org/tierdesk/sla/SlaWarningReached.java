package org.tierdesk.sla;

import java.time.Instant;

/** A clock reached its warning threshold (e.g. 75 % of its target) and is still running. */
public record SlaWarningReached(long ticketId, long programId, ClockKind kind, Long assignmentId, Instant dueAt,
		Instant at) {
}
