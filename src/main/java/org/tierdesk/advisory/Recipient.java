package org.tierdesk.advisory;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One person an advisory reached: when, whether they acknowledged it, how often they were reminded. */
@Entity
@Table(name = "advisory_recipient")
class Recipient {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "advisory_seq")
	@SequenceGenerator(name = "advisory_seq", sequenceName = "advisory_seq", allocationSize = 50)
	private Long id;

	private long advisoryId;

	private long accountId;

	private boolean asAgent;

	private Instant deliveredAt;

	private Instant acknowledgedAt;

	private int remindersSent;

	private Instant nextReminderAt;

	protected Recipient() {
	}

	Recipient(long advisoryId, long accountId, boolean asAgent, Instant deliveredAt, Instant nextReminderAt) {
		this.advisoryId = advisoryId;
		this.accountId = accountId;
		this.asAgent = asAgent;
		this.deliveredAt = deliveredAt;
		this.nextReminderAt = nextReminderAt;
	}

	/** @return whether this was the acknowledgement (not a repeat) */
	boolean acknowledge(Instant now) {
		if (acknowledgedAt != null) {
			return false;
		}
		acknowledgedAt = now;
		nextReminderAt = null;
		return true;
	}

	Long id() {
		return id;
	}

	long advisoryId() {
		return advisoryId;
	}

	long accountId() {
		return accountId;
	}

	boolean asAgent() {
		return asAgent;
	}

	Instant deliveredAt() {
		return deliveredAt;
	}

	Instant acknowledgedAt() {
		return acknowledgedAt;
	}

	int remindersSent() {
		return remindersSent;
	}

	Instant nextReminderAt() {
		return nextReminderAt;
	}
}
