package org.tierdesk.sla;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One clock of one ticket as last measured: target, elapsed and paused business time, due and warning instants,
 * state, timeline, and when the sweep must look at it next. The warning, breach and met instants record that their
 * event was published, so each is published once.
 */
@Entity
@Table(name = "sla_clock")
class SlaClock {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_clock_seq")
	@SequenceGenerator(name = "sla_clock_seq", sequenceName = "sla_clock_seq", allocationSize = 50)
	private Long id;

	@Version
	private long version;

	private long ticketId;

	private long programId;

	@Enumerated(EnumType.STRING)
	private ClockKind kind;

	/** The assignment a tier clock measures; 0 for the ticket's own clocks. */
	private long assignmentKey;

	private Long groupId;

	private int tier;

	private String source;

	private long targetSeconds;

	@Enumerated(EnumType.STRING)
	private ClockState state;

	private Instant startedAt;

	private Instant stoppedAt;

	private Instant dueAt;

	private Instant warnAt;

	private long elapsedSeconds;

	private long pausedSeconds;

	private Instant computedAt;

	private Instant nextCheckAt;

	private Instant warnedAt;

	private Instant breachedAt;

	private Instant metAt;

	private String timeline;

	protected SlaClock() {
	}

	SlaClock(long ticketId, long programId, ClockKind kind, long assignmentKey) {
		this.ticketId = ticketId;
		this.programId = programId;
		this.kind = kind;
		this.assignmentKey = assignmentKey;
	}

	void measured(Long groupId, int tier, String source, ClockMeasure.Result r, Instant startedAt, Instant now) {
		this.groupId = groupId;
		this.tier = tier;
		this.source = source;
		this.targetSeconds = r.target().getSeconds();
		this.state = r.state();
		this.startedAt = startedAt;
		this.stoppedAt = r.stoppedAt();
		this.dueAt = r.dueAt();
		this.warnAt = r.warnAt();
		this.elapsedSeconds = r.elapsed().getSeconds();
		this.pausedSeconds = r.paused().getSeconds();
		this.computedAt = now;
		this.nextCheckAt = r.nextCheck(now);
		StringBuilder t = new StringBuilder();
		r.timeline().forEach(m -> t.append(t.isEmpty() ? "" : ";").append(m.what()).append(' ').append(m.at()));
		this.timeline = t.length() > 4000 ? t.substring(t.length() - 4000) : t.toString();
	}

	void warned(Instant at) {
		warnedAt = at;
	}

	void breached(Instant at) {
		breachedAt = at;
	}

	void met(Instant at) {
		metAt = at;
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

	ClockKind kind() {
		return kind;
	}

	long assignmentKey() {
		return assignmentKey;
	}

	Long groupId() {
		return groupId;
	}

	int tier() {
		return tier;
	}

	String source() {
		return source;
	}

	long targetSeconds() {
		return targetSeconds;
	}

	ClockState state() {
		return state;
	}

	Instant startedAt() {
		return startedAt;
	}

	Instant stoppedAt() {
		return stoppedAt;
	}

	Instant dueAt() {
		return dueAt;
	}

	Instant warnAt() {
		return warnAt;
	}

	long elapsedSeconds() {
		return elapsedSeconds;
	}

	long pausedSeconds() {
		return pausedSeconds;
	}

	Instant warnedAt() {
		return warnedAt;
	}

	Instant breachedAt() {
		return breachedAt;
	}

	Instant metAt() {
		return metAt;
	}

	String timeline() {
		return timeline;
	}
}
