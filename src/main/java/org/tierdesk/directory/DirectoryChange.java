package org.tierdesk.directory;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One change to a program's directory: immutable once written. */
@Entity
@Table(name = "directory_history")
class DirectoryChange {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "directory_history_seq")
	@SequenceGenerator(name = "directory_history_seq", sequenceName = "directory_history_seq", allocationSize = 50)
	private Long id;

	private long programId;

	private String subject;

	private String field;

	private String oldValue;

	private String newValue;

	private long actorId;

	private Instant occurredAt;

	protected DirectoryChange() {
	}

	DirectoryChange(long programId, String subject, String field, String oldValue, String newValue, long actorId,
			Instant occurredAt) {
		this.programId = programId;
		this.subject = subject;
		this.field = field;
		this.oldValue = oldValue;
		this.newValue = newValue;
		this.actorId = actorId;
		this.occurredAt = occurredAt;
	}

	long id() {
		return id;
	}

	String subject() {
		return subject;
	}

	String field() {
		return field;
	}

	String oldValue() {
		return oldValue;
	}

	String newValue() {
		return newValue;
	}

	long actorId() {
		return actorId;
	}

	Instant occurredAt() {
		return occurredAt;
	}
}
