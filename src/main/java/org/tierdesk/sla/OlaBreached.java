package org.tierdesk.sla;

import java.time.Instant;

/** The group holding an assignment (an OLA, or a vendor's underpinning contract at Tier 4) passed its target. */
public record OlaBreached(long ticketId, long programId, long assignmentId, long groupId, int tier, Instant dueAt,
		Instant at) {
}
