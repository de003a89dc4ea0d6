package org.tierdesk.deficiency;

import java.time.Instant;

import org.hibernate.annotations.Immutable;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One change to a deficiency report: who, when, what before and after, why. */
@Entity
@Immutable
@Table(name = "deficiency_history")
class DeficiencyHistory {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deficiency_seq")
	@SequenceGenerator(name = "deficiency_seq", sequenceName = "deficiency_seq", allocationSize = 50)
	private Long id;

	private long reportId;

	private String action;

	private String field;

	private String oldValue;

	private String newValue;

	private String reason;

	private long actorId;

	private Instant occurredAt;

	protected DeficiencyHistory() {
	}

	DeficiencyHistory(long reportId, String action, String field, String oldValue, String newValue, String reason,
			long actorId, Instant occurredAt) {
		this.reportId = reportId;
		this.action = action;
		this.field = field;
		this.oldValue = cut(oldValue);
		this.newValue = cut(newValue);
		this.reason = cut(reason);
		this.actorId = actorId;
		this.occurredAt = occurredAt;
	}

	private static String cut(String text) {
		return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
	}

	String action() {
		return action;
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

	String reason() {
		return reason;
	}

	long actorId() {
		return actorId;
	}

	Instant occurredAt() {
		return occurredAt;
	}
}
