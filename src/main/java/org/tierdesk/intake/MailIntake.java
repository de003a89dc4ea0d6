package org.tierdesk.intake;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.tierdesk.system.Sha256;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.Tickets;
import org.tierdesk.ticket.TicketProperties;

/**
 * Takes one raw mail from a mailbox in: kept raw, parsed, and then either rejected (with the reason), attached to
 * the ticket it bounced from, ignored as our own mail coming back, or handed to the {@link IntakePipeline} — with the
 * mail record (mailbox + UIDVALIDITY + UID + SHA-256) written in the same transaction as the ticket.
 */
@Component
class MailIntake {

	private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

	private final IntakePipeline pipeline;

	private final MailRecordRepository records;

	private final OutboundRepository outbound;

	private final Tickets tickets;

	private final ThreadTokens tokens;

	private final RawMailStore rawStore;

	private final MailParser parser;

	private final TransactionTemplate tx;

	private final Clock clock;

	MailIntake(IntakePipeline pipeline, MailRecordRepository records, OutboundRepository outbound,
			Tickets tickets, ThreadTokens tokens, RawMailStore rawStore, TicketProperties ticketProperties,
			PlatformTransactionManager transactions, Clock clock) {
		this.pipeline = pipeline;
		this.records = records;
		this.outbound = outbound;
		this.tickets = tickets;
		this.tokens = tokens;
		this.rawStore = rawStore;
		this.parser = new MailParser(MailParser.Limits.standard(ticketProperties.attachmentMaxBytes().toBytes()));
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Where the message came from. */
	record Source(long mailboxId, long programId, long uidValidity, long uid) {
	}

	/** Which of these UIDs were taken in before (a crash between commit and flag leaves such messages). */
	Set<Long> alreadyTaken(long mailboxId, long uidValidity, java.util.Collection<Long> uids) {
		return uids.isEmpty() ? Set.of() : Set.copyOf(records.takenUids(mailboxId, uidValidity, uids));
	}

	/**
	 * Takes the message in and records it, in one transaction.
	 *
	 * @throws DataAccessException  when the database cannot be reached: nothing was recorded, the fetch must stop
	 * @throws TransactionException likewise
	 */
	MailRecord.Outcome take(Source s, byte[] raw, Set<String> ownAddresses) {
		String sha = Sha256.hex(raw);
		rawStore.keep(sha, raw);
		ParsedMail mail;
		try {
			mail = parser.parse(raw, ownAddresses);
		}
		catch (BadMail bad) {
			log.info("Mail {} of mailbox {} set aside: {}", s.uid(), s.mailboxId(), bad.getMessage());
			return record(s, sha, null, MailRecord.Outcome.REJECTED, null, bad.getMessage());
		}
		if (mail.bounce()) {
			return bounce(s, sha, mail);
		}
		if (ownAddresses.contains(mail.fromAddress())) {
			return record(s, sha, mail.messageId(), MailRecord.Outcome.LOOP, null,
					"our own mail came back (from " + mail.fromAddress() + "): not taken in");
		}
		Set<Long> thread = new LinkedHashSet<>();
		String forged = null;
		for (String id : mail.replyTo()) {
			Optional<Long> ticket = tokens.ticketOf(id);
			ticket.ifPresent(thread::add);
			if (ticket.isEmpty() && tokens.forged(id)) {
				forged = id;
			}
		}
		if (forged != null) {
			log.warn("Mail {} of mailbox {} refers to a forged thread token <{}>: not threaded by it", s.uid(),
					s.mailboxId(), forged);
		}
		InboundMessage message = new InboundMessage(s.programId(), Channel.EMAIL, "mail:" + mail.fingerprint(),
				mail.fromAddress(), mail.fromName(), null, mail.subject(), mail.text(), mail.attachments(), thread,
				mail.messageId(), mail.automatic() == null, null, null);
		String note = forged == null ? mail.automatic() : "forged thread token ignored";
		try {
			IntakeOutcome[] result = new IntakeOutcome[1];
			pipeline.receive(message, outcome -> {
				result[0] = outcome;
				records.save(new MailRecord(s.mailboxId(), s.uidValidity(), s.uid(), sha, mail.messageId(),
						MailRecord.Outcome.valueOf(outcome.kind().name()), outcome.ticketId(),
						outcome.note() != null ? outcome.note() : note, clock.instant()));
			});
			return MailRecord.Outcome.valueOf(result[0].kind().name());
		}
		catch (DataAccessException | TransactionException e) {
			if (e instanceof DataIntegrityViolationException) {
				return record(s, sha, mail.messageId(), MailRecord.Outcome.REJECTED, null,
						"could not be taken in: " + e.getMostSpecificCause().getMessage());
			}
			throw e;
		}
		catch (RuntimeException e) {
			log.info("Mail {} of mailbox {} could not be taken in: {}", s.uid(), s.mailboxId(), e.toString());
			return record(s, sha, mail.messageId(), MailRecord.Outcome.REJECTED, null,
					"could not be taken in: " + e.getMessage());
		}
	}

	/** A delivery failure: a note on the ticket whose mail bounced (and that mail marked failed), never a ticket. */
	private MailRecord.Outcome bounce(Source s, String sha, ParsedMail mail) {
		Long ticketId = null;
		String failedId = null;
		for (String id : mail.bouncedIds()) {
			Optional<Long> t = tokens.ticketOf(id);
			if (t.isPresent()) {
				ticketId = t.get();
				failedId = id;
				break;
			}
		}
		if (ticketId == null) {
			return record(s, sha, mail.messageId(), MailRecord.Outcome.REJECTED, null,
					"a delivery failure notice for mail the desk did not send");
		}
		long ticket = ticketId;
		String messageId = failedId;
		String summary = mail.text().length() > 2000 ? mail.text().substring(0, 2000) + "…" : mail.text();
		tx.executeWithoutResult(status -> {
			Optional<Outbound> failed = outbound.findByMessageId(messageId);
			failed.ifPresent(o -> o.failed("bounced: " + firstLine(summary), true, clock.instant()));
			tickets.noteAsSystem(ticket, "Delivery failure: mail" + failed.map(o -> " to " + o.recipient()).orElse("")
					+ " could not be delivered.\n\n" + summary);
			records.save(new MailRecord(s.mailboxId(), s.uidValidity(), s.uid(), sha, mail.messageId(),
					MailRecord.Outcome.BOUNCE, ticket, "delivery failure of <" + messageId + ">", clock.instant()));
		});
		return MailRecord.Outcome.BOUNCE;
	}

	private MailRecord.Outcome record(Source s, String sha, String messageId, MailRecord.Outcome outcome,
			Long ticketId, String reason) {
		tx.executeWithoutResult(status -> records.save(new MailRecord(s.mailboxId(), s.uidValidity(), s.uid(), sha,
				messageId, outcome, ticketId, reason, clock.instant())));
		return outcome;
	}

	private static String firstLine(String text) {
		String t = text.strip();
		int end = t.indexOf('\n');
		return end < 0 ? t : t.substring(0, end);
	}
}
