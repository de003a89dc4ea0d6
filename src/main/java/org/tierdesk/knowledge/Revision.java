package org.tierdesk.knowledge;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One revision of an article's content, as text, kept for ever so any two can be compared. */
@Entity
@Table(name = "knowledge_revision")
class Revision {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "knowledge_seq")
	@SequenceGenerator(name = "knowledge_seq", sequenceName = "knowledge_seq", allocationSize = 50)
	private Long id;

	private long articleId;

	private int revision;

	private String content;

	private long changedBy;

	private Instant changedAt;

	private String reason;

	protected Revision() {
	}

	Revision(long articleId, int revision, String content, long changedBy, Instant changedAt, String reason) {
		this.articleId = articleId;
		this.revision = revision;
		this.content = content;
		this.changedBy = changedBy;
		this.changedAt = changedAt;
		this.reason = reason;
	}

	int revision() {
		return revision;
	}

	String content() {
		return content;
	}

	long changedBy() {
		return changedBy;
	}

	Instant changedAt() {
		return changedAt;
	}

	String reason() {
		return reason;
	}
}
