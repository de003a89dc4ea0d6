package org.tierdesk.deficiency;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A ticket gathered under a deficiency report; {@code notifiedAt} once its people were told of the shipped fix. */
@Entity
@Table(name = "deficiency_ticket")
class DeficiencyLink {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deficiency_seq")
	@SequenceGenerator(name = "deficiency_seq", sequenceName = "deficiency_seq", allocationSize = 50)
	private Long id;

	private long reportId;

	private long ticketId;

	private String ticketNumber;

	private long linkedBy;

	private Instant linkedAt;

	private Instant notifiedAt;

	protected DeficiencyLink() {
	}

	DeficiencyLink(long reportId, long ticketId, String ticketNumber, long linkedBy, Instant linkedAt) {
		this.reportId = reportId;
		this.ticketId = ticketId;
		this.ticketNumber = ticketNumber;
		this.linkedBy = linkedBy;
		this.linkedAt = linkedAt;
	}

	/** Mirrors the claim written to the table, so this transaction reads what it did. */
	void notified(Instant at) {
		notifiedAt = at;
	}

	Long id() {
		return id;
	}

	long reportId() {
		return reportId;
	}

	long ticketId() {
		return ticketId;
	}

	String ticketNumber() {
		return ticketNumber;
	}

	long linkedBy() {
		return linkedBy;
	}

	Instant linkedAt() {
		return linkedAt;
	}

	Instant notifiedAt() {
		return notifiedAt;
	}
}
