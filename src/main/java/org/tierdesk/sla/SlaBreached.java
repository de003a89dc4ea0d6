package org.tierdesk.sla;

import java.time.Instant;

/** A customer-facing clock (first response or resolution) passed its target. */
public record SlaBreached(long ticketId, long programId, ClockKind kind, Instant dueAt, Instant at) {
}
