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
import jakarta.persistence.Version;

/** A live chat: waiting in its program's queue, then with a Tier 1 agent, then ended into a ticket. */
@Entity
@Table(name = "intake_chat")
class Chat {

	enum Status {
		WAITING, ACTIVE, ENDED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "intake_seq")
	@SequenceGenerator(name = "intake_seq", sequenceName = "intake_seq", allocationSize = 50)
	private Long id;

	@Version
	private long version;

	private long programId;

	private long customerId;

	private Long agentId;

	private String topic;

	@Enumerated(EnumType.STRING)
	private Status status;

	private Instant startedAt;

	private Instant pickedAt;

	private Instant endedAt;

	private Long ticketId;

	protected Chat() {
	}

	Chat(long programId, long customerId, String topic, Instant now) {
		this.programId = programId;
		this.customerId = customerId;
		this.topic = topic;
		this.status = Status.WAITING;
		this.startedAt = now;
	}

	void pick(long agentId, Instant now) {
		if (status != Status.WAITING) {
			throw new org.tierdesk.system.RuleViolationException("chat",
					"this chat is " + status.name().toLowerCase() + (agentId == this.agentId ? " with you" : ""));
		}
		this.agentId = agentId;
		this.status = Status.ACTIVE;
		this.pickedAt = now;
	}

	void end(Long ticketId, Instant now) {
		this.status = Status.ENDED;
		this.endedAt = now;
		this.ticketId = ticketId;
	}

	Long id() {
		return id;
	}

	long programId() {
		return programId;
	}

	long customerId() {
		return customerId;
	}

	Long agentId() {
		return agentId;
	}

	String topic() {
		return topic;
	}

	Status status() {
		return status;
	}

	Instant startedAt() {
		return startedAt;
	}

	Instant pickedAt() {
		return pickedAt;
	}

	Long ticketId() {
		return ticketId;
	}
}
