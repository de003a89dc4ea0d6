package org.tierdesk.intake;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A phone call: reported by the telephony system (started, ended) and/or logged by the agent who took it. */
@Entity
@Table(name = "intake_call")
class PhoneCall {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "intake_seq")
	@SequenceGenerator(name = "intake_seq", sequenceName = "intake_seq", allocationSize = 50)
	private Long id;

	@Version
	private long version;

	private long programId;

	private String externalId;

	private String callerNumber;

	private Long callerId;

	private Long agentId;

	private Long ticketId;

	private Instant startedAt;

	private Instant endedAt;

	@Column(name = "duration_s")
	private Integer durationSeconds;

	private String notes;

	protected PhoneCall() {
	}

	PhoneCall(long programId, String externalId, String callerNumber, Long callerId, Long agentId, Instant startedAt) {
		this.programId = programId;
		this.externalId = externalId;
		this.callerNumber = callerNumber;
		this.callerId = callerId;
		this.agentId = agentId;
		this.startedAt = startedAt;
	}

	void ended(Instant at) {
		if (endedAt == null) {
			endedAt = at;
			durationSeconds = (int) Math.max(0, Duration.between(startedAt, at).toSeconds());
		}
	}

	void logged(Long callerId, Long agentId, Long ticketId, Integer durationSeconds, String notes) {
		if (callerId != null) {
			this.callerId = callerId;
		}
		if (agentId != null) {
			this.agentId = agentId;
		}
		this.ticketId = ticketId;
		if (durationSeconds != null) {
			this.durationSeconds = durationSeconds;
		}
		this.notes = notes;
	}

	Long id() {
		return id;
	}

	long programId() {
		return programId;
	}

	String externalId() {
		return externalId;
	}

	String callerNumber() {
		return callerNumber;
	}

	Long callerId() {
		return callerId;
	}

	Long agentId() {
		return agentId;
	}

	Long ticketId() {
		return ticketId;
	}

	Instant startedAt() {
		return startedAt;
	}

	Instant endedAt() {
		return endedAt;
	}

	Integer durationSeconds() {
		return durationSeconds;
	}
}
