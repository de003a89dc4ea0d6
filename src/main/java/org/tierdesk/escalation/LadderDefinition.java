package org.tierdesk.escalation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A program's ladder as saved, with who changed it last and when. */
@Entity
@Table(name = "escalation_ladder")
class LadderDefinition {

	@Id
	private Long programId;

	@Version
	private long version;

	private String document;

	private long updatedBy;

	private Instant updatedAt;

	protected LadderDefinition() {
	}

	LadderDefinition(long programId) {
		this.programId = programId;
	}

	void define(String document, long by, Instant now) {
		this.document = document;
		this.updatedBy = by;
		this.updatedAt = now;
	}

	String document() {
		return document;
	}

	long updatedBy() {
		return updatedBy;
	}

	Instant updatedAt() {
		return updatedAt;
	}

	Long programId() {
		return programId;
	}
}
