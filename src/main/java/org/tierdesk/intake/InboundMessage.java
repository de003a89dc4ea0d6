package org.tierdesk.intake;

import java.util.List;
import java.util.Set;

import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.StructuredFacts;
import org.tierdesk.ticket.TicketKind;

/**
 * What a channel adapter makes of anything that came in, before the pipeline decides what it is.
 *
 * @param programId       the program, from the address/number/endpoint it came in on
 * @param channel         how it came
 * @param dedupeKey       the channel's identity of this message: a second delivery with the same key is a duplicate
 * @param senderAddress   the sender's email address or phone number (or a formal message's originator)
 * @param senderName      the sender's name as given, if any
 * @param senderAccountId the sender's account when the channel knows it (logged-in portal or chat user, an agent
 *                        logging a call for a caller)
 * @param subject         a subject line (derived from the text when the channel has none)
 * @param body            the text, already cleaned of markup and quoted history
 * @param attachments     files that came with it
 * @param threadTicketIds tickets this message verifiably answers (signed tokens of our own messages)
 * @param messageId       the message's own id on its channel (a mail's Message-ID), kept for threading replies
 * @param mayAutoReply    false for mail from robots and lists: the desk never answers it automatically
 * @param kind            incident or service request, when the channel asks; otherwise the desk decides later
 * @param facts           structured facts, when the channel asks for them
 */
public record InboundMessage(long programId, Channel channel, String dedupeKey, String senderAddress,
		String senderName, Long senderAccountId, String subject, String body, List<Attachment> attachments,
		Set<Long> threadTicketIds, String messageId, boolean mayAutoReply, TicketKind kind, StructuredFacts facts) {

	public InboundMessage {
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
		threadTicketIds = threadTicketIds == null ? Set.of() : Set.copyOf(threadTicketIds);
	}

	/** A file that came with a message. */
	public record Attachment(String fileName, String contentType, byte[] content) {
	}
}
