package org.tierdesk.advisory;

import java.time.Instant;

import org.hibernate.annotations.Immutable;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One step of an advisory: who, when, what. */
@Entity
@Immutable
@Table(name = "advisory_history")
class AdvisoryHistory {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "advisory_seq")
	@SequenceGenerator(name = "advisory_seq", sequenceName = "advisory_seq", allocationSize = 50)
	private Long id;

	private long advisoryId;

	private String action;

	private String detail;

	private long actorId;

	private Instant occurredAt;

	protected AdvisoryHistory() {
	}

	AdvisoryHistory(long advisoryId, String action, String detail, long actorId, Instant occurredAt) {
		this.advisoryId = advisoryId;
		this.action = action;
		this.detail = detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 3997) + "...";
		this.actorId = actorId;
		this.occurredAt = occurredAt;
	}

	String action() {
		return action;
	}

	String detail() {
		return detail;
	}

	long actorId() {
		return actorId;
	}

	Instant occurredAt() {
		return occurredAt;
	}
}
