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
import jakarta.persistence.Version;

/** A message from an unknown sender, held for review where the program's policy says so. */
@Entity
@Table(name = "intake_held")
class HeldMessage {

	enum Decision {
		RELEASED, DISCARDED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "intake_seq")
	@SequenceGenerator(name = "intake_seq", sequenceName = "intake_seq", allocationSize = 50)
	private Long id;

	@Version
	private long version;

	private long programId;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	private String sender;

	private String senderName;

	private String subject;

	private String body;

	private Instant receivedAt;

	private Instant decidedAt;

	private Long decidedBy;

	@Enumerated(EnumType.STRING)
	private Decision decision;

	private Long ticketId;

	protected HeldMessage() {
	}

	HeldMessage(long programId, Channel channel, String sender, String senderName, String subject, String body,
			Instant receivedAt) {
		this.programId = programId;
		this.channel = channel;
		this.sender = sender;
		this.senderName = Receipt.clip(senderName, 300);
		this.subject = subject;
		this.body = body;
		this.receivedAt = receivedAt;
	}

	void decide(Decision decision, Long ticketId, long actorId, Instant now) {
		if (this.decision != null) {
			throw new org.tierdesk.system.RuleViolationException("decision",
					"this message was already " + this.decision.name().toLowerCase());
		}
		this.decision = decision;
		this.ticketId = ticketId;
		this.decidedBy = actorId;
		this.decidedAt = now;
	}

	Long id() {
		return id;
	}

	long programId() {
		return programId;
	}

	Channel channel() {
		return channel;
	}

	String sender() {
		return sender;
	}

	String senderName() {
		return senderName;
	}

	String subject() {
		return subject;
	}

	String body() {
		return body;
	}

	Instant receivedAt() {
		return receivedAt;
	}

	Decision decision() {
		return decision;
	}

	Long ticketId() {
		return ticketId;
	}

	Instant decidedAt() {
		return decidedAt;
	}
}
