package org.tierdesk.sla;

import java.time.Instant;

/** A clock stopped within its target. */
public record SlaMet(long ticketId, long programId, ClockKind kind, Long assignmentId, Instant at) {
}
