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

/** One entry of the conversation: a public reply or an internal note. */
@Entity
@Table(name = "ticket_entry")
public class TicketEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_child_seq")
	@SequenceGenerator(name = "ticket_child_seq", sequenceName = "ticket_child_seq", allocationSize = 50)
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "ticket_id")
	private Ticket ticket;

	@Enumerated(EnumType.STRING)
	private EntryVisibility visibility;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	private long authorId;

	/** For an internal note shared with an assignment: the assignment whose group may read it. */
	private Long assignmentId;

	private String body;

	private Instant createdAt;

	protected TicketEntry() {
	}

	TicketEntry(Ticket ticket, EntryVisibility visibility, Channel channel, long authorId, Long assignmentId,
			String body, Instant createdAt) {
		this.ticket = ticket;
		this.visibility = visibility;
		this.channel = channel;
		this.authorId = authorId;
		this.assignmentId = assignmentId;
		this.body = body;
		this.createdAt = createdAt;
	}

	public Long id() {
		return id;
	}

	long ticketId() {
		return ticket.id();
	}

	public EntryVisibility visibility() {
		return visibility;
	}

	public Channel channel() {
		return channel;
	}

	public long authorId() {
		return authorId;
	}

	public Long assignmentId() {
		return assignmentId;
	}

	public String body() {
		return body;
	}

	public Instant createdAt() {
		return createdAt;
	}
}
