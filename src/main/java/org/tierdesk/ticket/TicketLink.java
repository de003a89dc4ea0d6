package org.tierdesk.ticket;

import java.time.Instant;

import jakarta.persistence.Column;
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

/** A link from one ticket to another, stored once on the ticket it was made from. */
@Entity
@Table(name = "ticket_link")
public class TicketLink {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_child_seq")
	@SequenceGenerator(name = "ticket_child_seq", sequenceName = "ticket_child_seq", allocationSize = 50)
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "ticket_id")
	private Ticket ticket;

	@Enumerated(EnumType.STRING)
	@Column(name = "link_type")
	private LinkType type;

	private long targetId;

	private long createdBy;

	private Instant createdAt;

	protected TicketLink() {
	}

	TicketLink(Ticket ticket, LinkType type, long targetId, long createdBy, Instant createdAt) {
		this.ticket = ticket;
		this.type = type;
		this.targetId = targetId;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	public Long id() {
		return id;
	}

	public long sourceId() {
		return ticket.id();
	}

	public LinkType type() {
		return type;
	}

	public long targetId() {
		return targetId;
	}

	public long createdBy() {
		return createdBy;
	}

	public Instant createdAt() {
		return createdAt;
	}
}
