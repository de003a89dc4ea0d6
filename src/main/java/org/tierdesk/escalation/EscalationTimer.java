package org.tierdesk.escalation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * When a step of a ticket's ladder falls due, for one occurrence (the ticket itself, or one assignment). Fired once:
 * {@code firedAt} is set in the transaction that performs the step; a timer whose condition no longer holds is
 * {@code dropped}.
 */
@Entity
@Table(name = "escalation_timer")
class EscalationTimer {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "escalation_timer_seq")
	@SequenceGenerator(name = "escalation_timer_seq", sequenceName = "escalation_timer_seq", allocationSize = 50)
	private Long id;

	@Version
	private long version;

	private long ticketId;

	private long programId;

	private String step;

	private long occurrence;

	private Instant dueAt;

	private Instant firedAt;

	private boolean dropped;

	private String outcome;

	protected EscalationTimer() {
	}

	EscalationTimer(long ticketId, long programId, String step, long occurrence, Instant dueAt) {
		this.ticketId = ticketId;
		this.programId = programId;
		this.step = step;
		this.occurrence = occurrence;
		this.dueAt = dueAt;
	}

	void reschedule(Instant due) {
		if (firedAt == null) {
			this.dueAt = due;
			this.dropped = false;
		}
	}

	void drop() {
		if (firedAt == null) {
			dropped = true;
		}
	}

	void fired(Instant at, String outcome) {
		this.firedAt = at;
		this.outcome = outcome == null ? null : outcome.length() > 1000 ? outcome.substring(0, 1000) : outcome;
	}

	Long id() {
		return id;
	}

	long ticketId() {
		return ticketId;
	}

	long programId() {
		return programId;
	}

	String step() {
		return step;
	}

	long occurrence() {
		return occurrence;
	}

	Instant dueAt() {
		return dueAt;
	}

	Instant firedAt() {
		return firedAt;
	}

	boolean dropped() {
		return dropped;
	}

	String outcome() {
		return outcome;
	}
}
