package org.tierdesk.ticket;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * Work on a ticket handed to a support group (and optionally one person in it) at a higher tier. Each keeps its
 * own timestamps, so a clock can run per tier. The ticket's owner does not change.
 */
@Entity
@Table(name = "ticket_assignment")
public class Assignment {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_child_seq")
	@SequenceGenerator(name = "ticket_child_seq", sequenceName = "ticket_child_seq", allocationSize = 50)
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "ticket_id")
	private Ticket ticket;

	private long groupId;

	private Long assigneeId;

	private int tier;

	private int fromTier;

	@Enumerated(EnumType.STRING)
	private AssignmentStatus status;

	private String reason;

	private long assignedBy;

	private Instant assignedAt;

	private Instant endedAt;

	private Long endedBy;

	private String findings;

	protected Assignment() {
	}

	Assignment(Ticket ticket, long groupId, Long assigneeId, int tier, int fromTier, String reason, long assignedBy,
			Instant assignedAt) {
		this.ticket = ticket;
		this.groupId = groupId;
		this.assigneeId = assigneeId;
		this.tier = tier;
		this.fromTier = fromTier;
		this.reason = reason;
		this.assignedBy = assignedBy;
		this.assignedAt = assignedAt;
		this.status = AssignmentStatus.ACTIVE;
	}

	void end(AssignmentStatus how, long by, String findings, Instant at) {
		this.status = how;
		this.endedBy = by;
		this.endedAt = at;
		this.findings = findings;
	}

	void assignTo(long personId) {
		this.assigneeId = personId;
	}

	public boolean isActive() {
		return status == AssignmentStatus.ACTIVE;
	}

	public Long id() {
		return id;
	}

	public long groupId() {
		return groupId;
	}

	public Long assigneeId() {
		return assigneeId;
	}

	public int tier() {
		return tier;
	}

	public int fromTier() {
		return fromTier;
	}

	public AssignmentStatus status() {
		return status;
	}

	public String reason() {
		return reason;
	}

	public long assignedBy() {
		return assignedBy;
	}

	public Instant assignedAt() {
		return assignedAt;
	}

	public Instant endedAt() {
		return endedAt;
	}

	public Long endedBy() {
		return endedBy;
	}

	public String findings() {
		return findings;
	}
}
