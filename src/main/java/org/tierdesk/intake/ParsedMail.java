package org.tierdesk.intake;

import java.util.List;

/**
 * A mail as the desk reads it.
 *
 * @param messageId          its Message-ID without angle brackets (may be null)
 * @param replyTo            the ids it answers (In-Reply-To, then References, newest first)
 * @param fromAddress        the sender's address, lower case
 * @param fromName           the sender's name as given
 * @param recipients         the To and Cc addresses, lower case
 * @param subject            the decoded subject
 * @param text               the new text: the plain part (or the cleaned HTML part), quoted history trimmed
 * @param attachments        attached files and inline images
 * @param automatic          why no automatic reply may go to it (null when one may)
 * @param bounce             a delivery status notification
 * @param bouncedIds         for a bounce: the Message-IDs found in the returned message
 * @param fingerprint        identity of the message across mailboxes: Message-ID, sender, date, subject and the
 *                           SHA-256 of the body bytes
 */
record ParsedMail(String messageId, List<String> replyTo, String fromAddress, String fromName,
		List<String> recipients, String subject, String text, List<InboundMessage.Attachment> attachments,
		String automatic, boolean bounce, List<String> bouncedIds, String fingerprint) {
}
