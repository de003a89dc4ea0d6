package org.tierdesk.knowledge;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A step of an article's workflow: written, revised, submitted, validated, sent back, published, retired. */
@Entity
@Table(name = "knowledge_event")
class WorkflowEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "knowledge_seq")
	@SequenceGenerator(name = "knowledge_seq", sequenceName = "knowledge_seq", allocationSize = 50)
	private Long id;

	private long articleId;

	private String action;

	private long actorId;

	private Instant at;

	private int revision;

	private String note;

	protected WorkflowEvent() {
	}

	WorkflowEvent(long articleId, String action, long actorId, Instant at, int revision, String note) {
		this.articleId = articleId;
		this.action = action;
		this.actorId = actorId;
		this.at = at;
		this.revision = revision;
		this.note = note;
	}

	String action() {
		return action;
	}

	long actorId() {
		return actorId;
	}

	Instant at() {
		return at;
	}

	int revision() {
		return revision;
	}

	String note() {
		return note;
	}
}
