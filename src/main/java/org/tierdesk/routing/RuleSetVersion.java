package org.tierdesk.routing;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One saved version of a program's rule set: never changed, so every version stays readable and audited. */
@Entity
@Table(name = "routing_rule_set")
class RuleSetVersion {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "routing_rule_set_seq")
	@SequenceGenerator(name = "routing_rule_set_seq", sequenceName = "routing_rule_set_seq", allocationSize = 50)
	private Long id;

	private long programId;

	private long version;

	private String document;

	private int ruleCount;

	private long savedBy;

	private Instant savedAt;

	private String reason;

	protected RuleSetVersion() {
	}

	RuleSetVersion(long programId, long version, String document, int ruleCount, long savedBy, Instant savedAt,
			String reason) {
		this.programId = programId;
		this.version = version;
		this.document = document;
		this.ruleCount = ruleCount;
		this.savedBy = savedBy;
		this.savedAt = savedAt;
		this.reason = reason;
	}

	long programId() {
		return programId;
	}

	long version() {
		return version;
	}

	String document() {
		return document;
	}

	int ruleCount() {
		return ruleCount;
	}

	long savedBy() {
		return savedBy;
	}

	Instant savedAt() {
		return savedAt;
	}

	String reason() {
		return reason;
	}
}
