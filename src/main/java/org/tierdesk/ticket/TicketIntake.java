package org.tierdesk.ticket;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tierdesk.identity.Accounts;
import org.tierdesk.program.Programs;
import org.tierdesk.system.NotFoundException;

import jakarta.persistence.EntityManager;

/**
 * What the intake channels (mail, SMS, chat, phone, formal messages) do to tickets on behalf of the people whose
 * messages came in: open a ticket for a requester, add what they wrote to the right ticket with the visibility their
 * standing on it allows, keep their attachments. Every method joins the caller's transaction, so the channel records
 * what it received in the same commit as the ticket.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class TicketIntake {

	private final Tickets tickets;

	private final TicketRepository repository;

	private final Programs programs;

	private final Accounts accounts;

	private final Callers callers;

	private final AttachmentStore store;

	private final AttachmentRepository attachments;

	private final EntityManager entityManager;

	private final Clock clock;

	TicketIntake(Tickets tickets, TicketRepository repository, Programs programs, Accounts accounts, Callers callers,
			AttachmentStore store, AttachmentRepository attachments, EntityManager entityManager, Clock clock) {
		this.tickets = tickets;
		this.repository = repository;
		this.programs = programs;
		this.accounts = accounts;
		this.callers = callers;
		this.store = store;
		this.attachments = attachments;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	/** What a channel needs to know about a ticket. */
	public record Ref(long id, String number, long programId, long requesterId, TicketStatus status, String subject,
			Long mergedIntoId, String solution, Instant resolvedAt) {

		static Ref of(Ticket t) {
			return new Ref(t.id(), t.number(), t.programId(), t.requesterId(), t.status(), t.subject(),
					t.mergedIntoId(), t.resolution().map(Resolution::solution).orElse(null), t.resolvedAt());
		}
	}

	/** How a person stands towards a ticket, which decides whether their message may join it and how. */
	public enum Standing {
		/** the customer who asked */
		REQUESTER,
		/** a person copied on the ticket */
		WATCHER,
		/** Tier 1 or a manager: speaks to the customer */
		DESK,
		/** other desk staff of the program, or the vendor holding the work: internal notes */
		WORKER,
		/** nobody to this ticket */
		NONE;

		public boolean onTicket() {
			return this != NONE;
		}
	}

	/** An entry as a notification needs it. */
	public record EntryText(long ticketId, EntryVisibility visibility, Channel channel, long authorId, String body) {
	}

	/** Opens a ticket for a requester from a message that came in on {@code channel}; the requester is its author. */
	public Ref open(long programId, long requesterId, Channel channel, Tickets.OpenTicket request) {
		Ticket t = tickets.openChecked(programs.byId(programId), requesterId, channel, request, requesterId);
		entityManager.flush();
		return Ref.of(t);
	}

	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<Ref> byId(long ticketId) {
		return repository.findById(ticketId).map(Ref::of);
	}

	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<Ref> byNumber(String number) {
		return repository.findByNumber(number).map(Ref::of);
	}

	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Standing standingOf(long ticketId, long personId) {
		Ticket t = ticket(ticketId);
		return standing(t, personId);
	}

	private Standing standing(Ticket t, long personId) {
		if (t.requesterId() == personId) {
			return Standing.REQUESTER;
		}
		if (t.watchers().contains(personId)) {
			return Standing.WATCHER;
		}
		Optional<Accounts.Person> person = accounts.findById(personId);
		if (person.isEmpty()) {
			return Standing.NONE;
		}
		Caller c = callers.of(person.get().principal());
		if (TicketAccess.speaksForDesk(t, c) || java.util.Objects.equals(t.ownerId(), personId)) {
			return Standing.DESK;
		}
		if (c.staffOf(t.programId()) || (c.isVendor() && (TicketAccess.vendorOn(t, c) || TicketAccess.inSwarm(t, c)))) {
			return Standing.WORKER;
		}
		return Standing.NONE;
	}

	/**
	 * Adds what a person wrote to a ticket they stand on: the requester's and watchers' words and Tier 1's are public
	 * replies; other staff and the vendor holding the work add internal notes.
	 *
	 * @return the entry's id
	 */
	public long append(long ticketId, long authorId, Channel channel, String body) {
		Ticket t = ticket(ticketId);
		Standing standing = standing(t, authorId);
		if (!standing.onTicket()) {
			throw new org.tierdesk.system.ForbiddenException("person " + authorId + " is not on ticket " + t.number());
		}
		boolean isPublic = standing != Standing.WORKER;
		Long assignmentId = null;
		if (!isPublic) {
			Caller c = callers.of(accounts.byId(authorId).principal());
			if (c.isVendor() && TicketAccess.vendorOn(t, c)) {
				assignmentId = t.activeAssignment().orElseThrow().id();
			}
		}
		TicketEntry entry = t.addEntry(isPublic ? EntryVisibility.PUBLIC : EntryVisibility.INTERNAL, channel, authorId,
				assignmentId, body, clock.instant());
		entityManager.persist(entry);
		t.announceEntry(entry);
		entityManager.flush();
		tickets.publish(t);
		return entry.id();
	}

	/** Keeps a file that came with a message; the bytes are removed again if the transaction rolls back. */
	public void attach(long ticketId, long authorId, EntryVisibility visibility, String fileName, byte[] content) {
		Ticket t = ticket(ticketId);
		String name = TicketAttachments.cleanName(fileName);
		AttachmentStore.Stored stored = store.store(new ByteArrayInputStream(content), name);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						store.delete(stored.key());
					}
				}
			});
		}
		Instant now = clock.instant();
		t.attachmentAdded(name, authorId, now);
		attachments.save(new Attachment(t.id(), visibility, null, name, stored.contentType(), stored.size(),
				stored.sha256(), stored.key(), authorId, now));
		tickets.publish(t);
	}

	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<EntryText> entry(long entryId) {
		return Optional.ofNullable(entityManager.find(TicketEntry.class, entryId))
			.map(e -> new EntryText(e.ticketId(), e.visibility(), e.channel(), e.authorId(), e.body()));
	}

	/** The people copied on a ticket. */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public java.util.Set<Long> watchersOf(long ticketId) {
		return repository.findById(ticketId).map(t -> java.util.Set.copyOf(t.watchers())).orElse(java.util.Set.of());
	}

	/** A requester's tickets that are still being worked or wait for their answer, newest first. */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public List<Ref> unfinishedOf(long requesterId, int limit) {
		return entityManager.createQuery("select t from Ticket t where t.requesterId = :r and t.status not in :ended "
				+ "order by t.createdAt desc", Ticket.class)
			.setParameter("r", requesterId)
			.setParameter("ended", List.of(TicketStatus.CLOSED, TicketStatus.CANCELLED))
			.setMaxResults(limit).getResultStream().map(Ref::of).toList();
	}

	private Ticket ticket(long ticketId) {
		return repository.findById(ticketId).orElseThrow(() -> new NotFoundException("no ticket " + ticketId));
	}
}
