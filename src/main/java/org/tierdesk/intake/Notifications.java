package org.tierdesk.intake;

import org.springframework.stereotype.Service;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.ticket.Channel;

/**
 * Notices other modules send to a person (a fixed release, an advisory and its reminders) through the durable
 * outbox: by email or SMS text, from the program's desk address, marked as automatic, and queued once per
 * {@code sourceKey} and address however often the cause is handled.
 */
@Service
public class Notifications {

	/** One notice to one person; {@code ticketId} when it concerns a ticket (it then threads with its mail). */
	public record Notice(long programId, Long ticketId, long personId, Channel channel, String sourceKey,
			String subject, String body) {
	}

	private final Accounts accounts;

	private final Outbox outbox;

	private final IntakePipeline pipeline;

	private final org.tierdesk.system.StoredFiles files;

	Notifications(Accounts accounts, Outbox outbox, IntakePipeline pipeline, org.tierdesk.system.StoredFiles files) {
		this.files = files;
		this.accounts = accounts;
		this.outbox = outbox;
		this.pipeline = pipeline;
	}

	/** A file sent with a report. */
	public record Attachment(String name, String contentType, byte[] bytes) {
	}

	/**
	 * Queues a report by mail to an address (a schedule's recipient, who need not have an account), with the file
	 * attached, once per {@code sourceKey} and address.
	 *
	 * @return whether it was queued now
	 */
	@org.springframework.transaction.annotation.Transactional
	public boolean sendReport(long programId, String address, String sourceKey, String subject, String body,
			Attachment attachment) {
		ChannelSettings settings = pipeline.settingsOf(programId);
		return outbox.queue(new Outbox.Notice(programId, null, Channel.EMAIL, Outbound.Purpose.NOTICE, sourceKey,
				address, settings.mailFrom(), subject, body, "auto-generated"))
			.map(o -> {
				o.attach(files.store("mail-attachments", attachment.bytes()), attachment.name(),
						attachment.contentType());
				return true;
			}).orElse(false);
	}

	/** The language the program's notices are written in ({@code en}, {@code pt}). */
	public java.util.Locale languageOf(long programId) {
		return java.util.Locale.forLanguageTag(pipeline.settingsOf(programId).language());
	}

	/**
	 * Queues the notice in the caller's transaction.
	 *
	 * @return whether it was queued: not when the person has no address on that channel, or it was queued before
	 */
	public boolean send(Notice n) {
		if (n.channel() != Channel.EMAIL && n.channel() != Channel.SMS) {
			throw new IllegalArgumentException("notices go by EMAIL or SMS, not " + n.channel());
		}
		Person p = accounts.findById(n.personId()).orElse(null);
		String address = p == null ? null : n.channel() == Channel.SMS ? p.phone() : p.email();
		if (address == null || address.isBlank()) {
			return false;
		}
		ChannelSettings settings = pipeline.settingsOf(n.programId());
		return outbox.queue(new Outbox.Notice(n.programId(), n.ticketId(), n.channel(), Outbound.Purpose.NOTICE,
				n.sourceKey(), address, settings.mailFrom(), n.subject(),
				n.channel() == Channel.SMS ? n.subject() + ": " + n.body() : n.body(), "auto-generated")).isPresent();
	}
}
