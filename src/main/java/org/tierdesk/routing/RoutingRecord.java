package org.tierdesk.routing;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How a ticket was routed: kept so a redelivered event never routes twice, and so reports can tell why. */
@Entity
@Table(name = "routing_decision")
class RoutingRecord {

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

	String rule() {
		return rule;
	}

	String outcome() {
		return outcome;
	}
}
