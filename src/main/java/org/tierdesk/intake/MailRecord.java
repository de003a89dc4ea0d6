package org.tierdesk.intake;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One message read from a mailbox, by mailbox + UIDVALIDITY + UID, with the SHA-256 of its raw bytes (kept in the
 * raw mail store): what became of it, and for rejected mail, why.
 */
@Entity
@Table(name = "intake_mail")
class MailRecord {

	enum Outcome {
		OPENED, APPENDED, HELD, DUPLICATE, BOUNCE, LOOP, REJECTED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "intake_seq")
	@SequenceGenerator(name = "intake_seq", sequenceName = "intake_seq", allocationSize = 50)
	private Long id;

	private long mailboxId;

	private long uidValidity;

	private long uid;

	private String sha256;

	private String messageId;

	@Enumerated(EnumType.STRING)
	private Outcome outcome;

	private Long ticketId;

	private String reason;

	private Instant readAt;

	protected MailRecord() {
	}

	MailRecord(long mailboxId, long uidValidity, long uid, String sha256, String messageId, Outcome outcome,
			Long ticketId, String reason, Instant readAt) {
		this.mailboxId = mailboxId;
		this.uidValidity = uidValidity;
		this.uid = uid;
		this.sha256 = sha256;
		this.messageId = Receipt.clip(messageId, 1000);
		this.outcome = outcome;
		this.ticketId = ticketId;
		this.reason = Receipt.clip(reason, 2000);
		this.readAt = readAt;
	}

	Long id() {
		return id;
	}

	long mailboxId() {
		return mailboxId;
	}

	long uid() {
		return uid;
	}

	String sha256() {
		return sha256;
	}

	String messageId() {
		return messageId;
	}

	Outcome outcome() {
		return outcome;
	}

	Long ticketId() {
		return ticketId;
	}

	String reason() {
		return reason;
	}

	Instant readAt() {
		return readAt;
	}
}
