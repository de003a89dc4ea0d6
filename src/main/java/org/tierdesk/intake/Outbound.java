package org.tierdesk.intake;

import java.time.Duration;
import java.time.Instant;

import org.tierdesk.ticket.Channel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One message out (mail, SMS, formal message), kept until it is sent — and after, as the record that it was. */
@Entity
@Table(name = "intake_outbound")
class Outbound {

	enum Purpose {
		ACKNOWLEDGEMENT, REPLY, RESOLUTION, ESCALATION, NOTICE
	}

	enum Status {
		PENDING, SENT, FAILED, SUPPRESSED
	}

	static final int MAX_ATTEMPTS = 8;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "intake_seq")
	@SequenceGenerator(name = "intake_seq", sequenceName = "intake_seq", allocationSize = 50)
	private Long id;

	@Version
	private long version;

	private long programId;

	private Long ticketId;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	@Enumerated(EnumType.STRING)
	private Purpose purpose;

	private String sourceKey;

	private String recipient;

	private String sender;

	private String subject;

	private String body;

	private String messageId;

	private String inReplyTo;

	@Column(name = "refs")
	private String references;

	private String autoSubmitted;

	private String attachmentKey;

	private String attachmentName;

	private String attachmentType;

	@Enumerated(EnumType.STRING)
	private Status status;

	private int attempts;

	private Instant nextAttemptAt;

	private Instant sentAt;

	private String lastError;

	private Instant createdAt;

	protected Outbound() {
	}

	Outbound(long programId, Long ticketId, Channel channel, Purpose purpose, String sourceKey, String recipient,
			String sender, String subject, String body, String autoSubmitted, Instant now) {
		this.programId = programId;
		this.ticketId = ticketId;
		this.channel = channel;
		this.purpose = purpose;
		this.sourceKey = sourceKey;
		this.recipient = recipient;
		this.sender = sender;
		this.subject = Receipt.clip(subject, 1000);
		this.body = body;
		this.autoSubmitted = autoSubmitted;
		this.status = Status.PENDING;
		this.nextAttemptAt = now;
		this.createdAt = now;
	}

	void thread(String messageId, String inReplyTo, String references) {
		this.messageId = messageId;
		this.inReplyTo = inReplyTo;
		this.references = Receipt.clip(references, 8000);
	}

	void sent(Instant now) {
		status = Status.SENT;
		attempts++;
		sentAt = now;
		lastError = null;
	}

	/** A failed attempt: tried again later with growing pauses, given up after {@link #MAX_ATTEMPTS} or at once when the failure is permanent. */
	void failed(String error, boolean permanent, Instant now) {
		attempts++;
		lastError = Receipt.clip(error, 2000);
		if (permanent || attempts >= MAX_ATTEMPTS) {
			status = Status.FAILED;
		}
		else {
			nextAttemptAt = now.plus(Duration.ofSeconds(30L << Math.min(attempts - 1, 8)));
		}
	}

	void suppress(String why) {
		status = Status.SUPPRESSED;
		lastError = Receipt.clip(why, 2000);
	}

	Long id() {
		return id;
	}

	long programId() {
		return programId;
	}

	Long ticketId() {
		return ticketId;
	}

	Channel channel() {
		return channel;
	}

	Purpose purpose() {
		return purpose;
	}

	String recipient() {
		return recipient;
	}

	String sender() {
		return sender;
	}

	String subject() {
		return subject;
	}

	String body() {
		return body;
	}

	String messageId() {
		return messageId;
	}

	String inReplyTo() {
		return inReplyTo;
	}

	String references() {
		return references;
	}

	String autoSubmitted() {
		return autoSubmitted;
	}

	/** Sends a stored file with the message. */
	void attach(String key, String name, String type) {
		this.attachmentKey = key;
		this.attachmentName = name;
		this.attachmentType = type;
	}

	String attachmentKey() {
		return attachmentKey;
	}

	String attachmentName() {
		return attachmentName;
	}

	String attachmentType() {
		return attachmentType;
	}

	Status status() {
		return status;
	}

	int attempts() {
		return attempts;
	}

	Instant sentAt() {
		return sentAt;
	}

	String lastError() {
		return lastError;
	}

	Instant createdAt() {
		return createdAt;
	}
}
