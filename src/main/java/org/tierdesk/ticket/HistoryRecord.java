package org.tierdesk.ticket;

import java.time.Instant;

import org.hibernate.annotations.Immutable;



import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One immutable line of a ticket's history: who, when, what (old and new value) and why. */
@Entity
@Immutable
@Table(name = "ticket_history")
public class HistoryRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_child_seq")
	@SequenceGenerator(name = "ticket_child_seq", sequenceName = "ticket_child_seq", allocationSize = 50)
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "ticket_id")
	private Ticket ticket;

	private Instant occurredAt;

	private long actorId;

	private String action;

	private String field;

	private String oldValue;

	private String newValue;

	private String reason;

	protected HistoryRecord() {
	}

	HistoryRecord(Ticket ticket, Instant occurredAt, long actorId, String action, String field, String oldValue,
			String newValue, String reason) {
		this.ticket = ticket;
		this.occurredAt = occurredAt;
		this.actorId = actorId;
		this.action = action;
		this.field = field;
		this.oldValue = clip(oldValue);
		this.newValue = clip(newValue);
		this.reason = clip(reason);
	}

	private static String clip(String value) {
		return value == null || value.length() <= 4000 ? value : value.substring(0, 3999) + "…";
	}

	public Long id() {
		return id;
	}

	public Instant occurredAt() {
		return occurredAt;
	}

	public long actorId() {
		return actorId;
	}

	public String action() {
		return action;
	}

	public String field() {
		return field;
	}

	public String oldValue() {
		return oldValue;
	}

	public String newValue() {
		return newValue;
	}

	public String reason() {
		return reason;
	}
}
