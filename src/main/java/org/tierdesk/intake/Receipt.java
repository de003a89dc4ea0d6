package org.tierdesk.intake;

import java.time.Instant;

import org.tierdesk.ticket.Channel;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One message taken in, recorded in the same transaction as what it did to a ticket: a second delivery of the same
 * message (same program and key) finds it and changes nothing.
 */
@Entity
@Table(name = "intake_receipt")
class Receipt {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "intake_seq")
	@SequenceGenerator(name = "intake_seq", sequenceName = "intake_seq", allocationSize = 50)
	private Long id;

	private long programId;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	private String dedupeKey;

	@Enumerated(EnumType.STRING)
	private IntakeOutcome.Kind outcome;

	private Long ticketId;

	private Long entryId;

	private String sender;

	private String messageId;

	private String note;

	private Instant receivedAt;

	protected Receipt() {
	}

	Receipt(long programId, Channel channel, String dedupeKey, IntakeOutcome.Kind outcome, Long ticketId,
			Long entryId, String sender, String messageId, String note, Instant receivedAt) {
		this.programId = programId;
		this.channel = channel;
		this.dedupeKey = dedupeKey;
		this.outcome = outcome;
		this.ticketId = ticketId;
		this.entryId = entryId;
		this.sender = clip(sender, 320);
		this.messageId = clip(messageId, 1000);
		this.note = clip(note, 1000);
		this.receivedAt = receivedAt;
	}

	static String clip(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

	void note(String note) {
		this.note = clip(note, 1000);
	}

	IntakeOutcome.Kind outcome() {
		return outcome;
	}

	Long ticketId() {
		return ticketId;
	}

	Long entryId() {
		return entryId;
	}

	String messageId() {
		return messageId;
	}

	Instant receivedAt() {
		return receivedAt;
	}

	Channel channel() {
		return channel;
	}
}
