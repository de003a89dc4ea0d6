package org.tierdesk.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.ticket.TicketViews.PersonRef;

/** Attachments of tickets, under the same visibility rules as the conversation. */
@Service
public class TicketAttachments {

	private final Tickets tickets;

	private final Callers callers;

	private final AttachmentRepository attachments;

	private final AttachmentStore store;

	private final TransactionTemplate tx;

	private final Clock clock;

	TicketAttachments(Tickets tickets, Callers callers, AttachmentRepository attachments, AttachmentStore store,
			PlatformTransactionManager transactions, Clock clock) {
		this.tickets = tickets;
		this.callers = callers;
		this.attachments = attachments;
		this.store = store;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	public record AttachmentView(long id, String fileName, String contentType, long size, String sha256,
			EntryVisibility visibility, PersonRef uploadedBy, Instant uploadedAt) {

		static AttachmentView of(Attachment a) {
			return new AttachmentView(a.id(), a.fileName(), a.contentType(), a.sizeBytes(), a.sha256(), a.visibility(),
					new PersonRef(a.uploadedBy(), null, null), a.uploadedAt());
		}
	}

	/** An attachment's description and a way to read its bytes. */
	public record Download(AttachmentView attachment, InputStreamSource content) {
	}

	@FunctionalInterface
	public interface InputStreamSource {

		InputStream open() throws IOException;
	}

	public AttachmentView attach(DeskPrincipal me, String number, String fileName, EntryVisibility visibility,
			InputStream content) {
		String name = cleanName(fileName);
		AttachmentStore.Stored stored = store.store(content, name);
		try {
			return tx.execute(status -> {
				Caller c = callers.of(me);
				Ticket t = tickets.visible(number, c);
				EntryVisibility wanted = visibility == null ? EntryVisibility.PUBLIC : visibility;
				Long assignmentId = null;
				if (c.staffOf(t.programId())) {
					if (wanted == EntryVisibility.PUBLIC && !TicketAccess.speaksForDesk(t, c)) {
						throw new ForbiddenException("public attachments come from Tier 1, the customer's contact");
					}
				}
				else if (c.isVendor() && TicketAccess.vendorOn(t, c)) {
					wanted = EntryVisibility.INTERNAL;
					assignmentId = t.activeAssignment().orElseThrow().id();
				}
				else if (wanted != EntryVisibility.PUBLIC) {
					throw new ForbiddenException("customers attach public files");
				}
				Instant now = clock.instant();
				t.attachmentAdded(name, me.accountId(), now);
				return AttachmentView.of(attachments.save(new Attachment(t.id(), wanted, assignmentId, name,
						stored.contentType(), stored.size(), stored.sha256(), stored.key(), me.accountId(), now)));
			});
		}
		catch (RuntimeException e) {
			store.delete(stored.key());
			throw e;
		}
	}

	public List<AttachmentView> list(DeskPrincipal me, String number) {
		return tickets.read(me, number, (t, c) -> attachments.findByTicketIdOrderByUploadedAt(t.id()).stream()
				.filter(a -> TicketAccess.canRead(a.visibility(), a.assignmentId(), t, c))
				.map(AttachmentView::of).toList());
	}

	public Download download(DeskPrincipal me, String number, long attachmentId) {
		Attachment a = tickets.read(me, number, (t, c) -> attachments.findById(attachmentId)
				.filter(x -> x.ticketId() == t.id())
				.filter(x -> TicketAccess.canRead(x.visibility(), x.assignmentId(), t, c))
				.orElseThrow(() -> new NotFoundException("no attachment " + attachmentId + " on " + number)));
		return new Download(AttachmentView.of(a), () -> store.open(a.storageKey()));
	}

	static String cleanName(String fileName) {
		if (fileName == null || fileName.isBlank()) {
			throw new InvalidFieldException("file", "the file needs a name");
		}
		String base = fileName.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_").strip();
		if (base.isEmpty() || base.equals(".") || base.equals("..")) {
			throw new InvalidFieldException("file", "the file needs a name");
		}
		return base.length() > 255 ? base.substring(base.length() - 255) : base;
	}
}
