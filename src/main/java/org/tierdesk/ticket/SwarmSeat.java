package org.tierdesk.ticket;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A specialist invited to swarm on a ticket: by whom and when. */
@Embeddable
record SwarmSeat(@Column(name = "account_id") long personId, @Column(name = "invited_by") long invitedBy,
		@Column(name = "invited_at") Instant invitedAt) {
}
