package org.tierdesk.routing;

import java.time.Instant;

import org.springframework.data.domain.Persistable;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/**
 * How a ticket was routed: kept so a redelivered event never routes twice, and so reports can tell why. Its id is the
 * ticket's, so it says itself whether it is new: saving a new one inserts it, without first selecting the row to merge
 * into.
 */
@Entity
@Table(name = "routing_decision")
class RoutingRecord implements Persistable<Long> {

	@Transient
	private boolean stored;

	@Id
	private Long ticketId;

	private long programId;

	private long ruleSetVersion;

	private String rule;

	private String outcome;

	private Instant decidedAt;

	protected RoutingRecord() {
	}

	RoutingRecord(long ticketId, long programId, long ruleSetVersion, String rule, String outcome, Instant decidedAt) {
		this.ticketId = ticketId;
		this.programId = programId;
		this.ruleSetVersion = ruleSetVersion;
		this.rule = rule;
		this.outcome = outcome;
		this.decidedAt = decidedAt;
	}

	@Override
	public Long getId() {
		return ticketId;
	}

	@Override
	public boolean isNew() {
		return !stored;
	}

	@PostLoad
	@PostPersist
	void stored() {
		stored = true;
	}

	String rule() {
		return rule;
	}

	String outcome() {
		return outcome;
	}
}
