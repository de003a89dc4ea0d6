package org.tierdesk.directory;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A person is away (leave, training, off shift) for a period: routing skips them when it picks a person. */
@Entity
@Table(name = "directory_absence")
class MemberAbsence {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "directory_absence_seq")
	@SequenceGenerator(name = "directory_absence_seq", sequenceName = "directory_absence_seq", allocationSize = 50)
	private Long id;

	private long programId;

	private long accountId;

	private Instant fromAt;

	private Instant untilAt;

	private String reason;

	private long recordedBy;

	protected MemberAbsence() {
	}

	MemberAbsence(long programId, long accountId, Instant from, Instant until, String reason, long recordedBy) {
		this.programId = programId;
		this.accountId = accountId;
		this.fromAt = from;
		this.untilAt = until;
		this.reason = reason;
		this.recordedBy = recordedBy;
	}

	Long id() {
		return id;
	}

	long accountId() {
		return accountId;
	}

	Instant from() {
		return fromAt;
	}

	Instant until() {
		return untilAt;
	}

	String reason() {
		return reason;
	}
}
