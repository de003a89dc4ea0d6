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

	Notifications(Accounts accounts, Outbox outbox, IntakePipeline pipeline) {
		this.accounts = accounts;
		this.outbox = outbox;
		this.pipeline = pipeline;
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
