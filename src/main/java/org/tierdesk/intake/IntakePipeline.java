package org.tierdesk.intake;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.program.Programs;
import org.tierdesk.system.Collisions;
import org.tierdesk.system.Role;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.EntryVisibility;
import org.tierdesk.ticket.StructuredFacts;
import org.tierdesk.ticket.TicketIntake;
import org.tierdesk.ticket.TicketIntake.Ref;
import org.tierdesk.ticket.TicketIntake.Standing;
import org.tierdesk.ticket.TicketKind;
import org.tierdesk.ticket.Tickets;

/**
 * The one way in for every channel. For each message: was it taken in before (same program and key)? Who sent it —
 * a known person, or an unknown sender the program makes a customer of or holds for review? Does it follow up a
 * ticket the sender stands on (a signed token of ours, then the ticket number in the subject)? Then it opens a
 * ticket or adds to one, keeps the attachments, and acknowledges a new ticket on its own channel — all in one
 * transaction with the receipt that makes a second delivery change nothing.
 */
@Service
public class IntakePipeline {

	private static final int MAX_SUBJECT = 300;

	/** Channels whose new tickets are acknowledged by a message; the others answer in the session itself. */
	private static final Set<Channel> ACKNOWLEDGED = EnumSet.of(Channel.EMAIL, Channel.SMS, Channel.MESSAGE);

	private final ReceiptRepository receipts;

	private final HeldMessageRepository held;

	private final ChannelSettingsRepository settings;

	private final Accounts accounts;

	private final Programs programs;

	private final TicketIntake tickets;

	private final Outbox outbox;

	private final AutoReplies autoReplies;

	private final NoticeTemplates templates;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Pattern ticketNumber;

	private final String numberPrefix;

	IntakePipeline(ReceiptRepository receipts, HeldMessageRepository held, ChannelSettingsRepository settings,
			Accounts accounts, Programs programs, TicketIntake tickets, Outbox outbox, AutoReplies autoReplies,
			NoticeTemplates templates, PlatformTransactionManager transactions, Clock clock,
			@Value("${tierdesk.ticket.number-prefix:TD}") String numberPrefix) {
		this.receipts = receipts;
		this.held = held;
		this.settings = settings;
		this.accounts = accounts;
		this.programs = programs;
		this.tickets = tickets;
		this.outbox = outbox;
		this.autoReplies = autoReplies;
		this.templates = templates;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
		this.numberPrefix = numberPrefix.toUpperCase(Locale.ROOT);
		this.ticketNumber = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(numberPrefix) + "-(\\d{1,12})(?![0-9])",
				Pattern.CASE_INSENSITIVE);
	}

	public IntakeOutcome receive(InboundMessage m) {
		return receive(m, outcome -> {
		});
	}

	/**
	 * Takes a message in. {@code alsoRecord} runs in the same transaction with the outcome, for what the channel keeps
	 * about the message (the mail record of a mailbox), so both commit or neither. Two deliveries of one message
	 * racing each other make one ticket: the loser fails on the receipt's key and is taken again as a duplicate.
	 */
	public IntakeOutcome receive(InboundMessage m, Consumer<IntakeOutcome> alsoRecord) {
		// a second delivery of the same message, or another message changing the same ticket: again, fresh
		return Collisions.retry(() -> tx.execute(status -> {
			IntakeOutcome outcome = take(m);
			alsoRecord.accept(outcome);
			return outcome;
		}));
	}

	private IntakeOutcome take(InboundMessage m) {
		Optional<Receipt> earlier = receipts.findByProgramIdAndDedupeKey(m.programId(), m.dedupeKey());
		if (earlier.isPresent()) {
			Receipt r = earlier.get();
			return new IntakeOutcome(IntakeOutcome.Kind.DUPLICATE, r.ticketId(),
					r.ticketId() == null ? null : tickets.byId(r.ticketId()).map(Ref::number).orElse(null), r.entryId(),
					"already taken in on " + r.receivedAt() + " (" + r.outcome() + ")");
		}
		ChannelSettings program = settingsOf(m.programId());
		Optional<Person> known = identify(m);
		if (known.isEmpty() && program.unknownSenders() == UnknownSenders.HOLD) {
			HeldMessage h = held.save(new HeldMessage(m.programId(), m.channel(), m.senderAddress(), m.senderName(),
					subjectOf(m), bodyOf(m), clock.instant()));
			record(m, IntakeOutcome.Kind.HELD, null, null, "held for review as message " + h.id());
			return new IntakeOutcome(IntakeOutcome.Kind.HELD, null, null, null,
					"unknown sender: held for review (" + h.id() + ")");
		}
		Person sender = known.orElseGet(() -> newCustomer(m));
		Optional<Ref> target = followUp(m, sender.id());
		if (target.isPresent()) {
			Ref t = target.get();
			long entryId = tickets.append(t.id(), sender.id(), m.channel(), bodyOf(m));
			attach(m, t.id(), sender.id(), tickets.standingOf(t.id(), sender.id()));
			record(m, IntakeOutcome.Kind.APPENDED, t.id(), entryId, null);
			return new IntakeOutcome(IntakeOutcome.Kind.APPENDED, t.id(), t.number(), entryId, null);
		}
		return open(m, program, sender);
	}

	/** Opens a ticket for a message, acknowledging it on its own channel. */
	IntakeOutcome open(InboundMessage m, ChannelSettings program, Person sender) {
		Ref t = tickets.open(m.programId(), sender.id(), m.channel(),
				new Tickets.OpenTicket(null, sender.id(), m.kind() == null ? TicketKind.INCIDENT : m.kind(), m.channel(),
						subjectOf(m), bodyOf(m), m.facts() == null ? StructuredFacts.none() : m.facts(), null, null,
						null));
		attach(m, t.id(), sender.id(), Standing.REQUESTER);
		// the receipt first: the acknowledgement answers the message it records
		Receipt receipt = record(m, IntakeOutcome.Kind.OPENED, t.id(), null, null);
		String note = null;
		if (ACKNOWLEDGED.contains(m.channel()) && m.senderAddress() != null) {
			note = acknowledge(m, program, t, sender);
			receipt.note(note);
		}
		return new IntakeOutcome(IntakeOutcome.Kind.OPENED, t.id(), t.number(), null, note);
	}

	private String acknowledge(InboundMessage m, ChannelSettings program, Ref t, Person sender) {
		if (!m.mayAutoReply()) {
			return "not acknowledged: automatic mail is never answered automatically";
		}
		if (!autoReplies.claim(m.programId(), m.senderAddress(), program.autoReplyCap())) {
			return "not acknowledged: " + program.autoReplyCap() + " automatic replies to " + m.senderAddress()
					+ " today already";
		}
		Map<String, Object> values = new HashMap<>();
		values.put("number", t.number());
		values.put("subject", t.subject());
		values.put("name", sender.displayName());
		values.put("program", programs.byId(m.programId()).name());
		NoticeTemplates.Rendered text = templates.render(m.programId(), program.language(),
				Outbound.Purpose.ACKNOWLEDGEMENT,
				m.channel() == Channel.SMS ? "sms" : null, values);
		outbox.queue(new Outbox.Notice(m.programId(), t.id(), m.channel(), Outbound.Purpose.ACKNOWLEDGEMENT,
				"ack:" + t.id(), m.senderAddress(), m.channel() == Channel.EMAIL ? program.mailFrom() : null,
				text.subject(), text.body(), "auto-replied"));
		return null;
	}

	private void attach(InboundMessage m, long ticketId, long authorId, Standing standing) {
		EntryVisibility visibility = standing == Standing.WORKER ? EntryVisibility.INTERNAL : EntryVisibility.PUBLIC;
		for (InboundMessage.Attachment a : m.attachments()) {
			tickets.attach(ticketId, authorId, visibility, a.fileName(), a.content());
		}
	}

	private Receipt record(InboundMessage m, IntakeOutcome.Kind outcome, Long ticketId, Long entryId, String note) {
		return receipts.saveAndFlush(new Receipt(m.programId(), m.channel(), m.dedupeKey(), outcome, ticketId, entryId,
				m.senderAddress(), m.messageId(), note, clock.instant()));
	}

	/** Opens the ticket of a held message whose sender a person at the desk vouched for. */
	IntakeOutcome release(HeldMessage h) {
		InboundMessage m = new InboundMessage(h.programId(), h.channel(), "held:" + h.id(), h.sender(),
				h.senderName(), null, h.subject(), h.body(), List.of(), Set.of(), null, true, null, null);
		Person sender = identify(m).orElseGet(() -> newCustomer(m));
		return open(m, settingsOf(h.programId()), sender);
	}

	/** The ticket a message follows up: one its signed tokens name, then one its subject names — if the sender is on it. */
	private Optional<Ref> followUp(InboundMessage m, long senderId) {
		for (long id : m.threadTicketIds()) {
			Optional<Ref> t = tickets.byId(id).filter(r -> r.programId() == m.programId())
				.flatMap(this::followMerges)
				.filter(r -> tickets.standingOf(r.id(), senderId).onTicket());
			if (t.isPresent()) {
				return t.filter(r -> !r.status().isEnded());
			}
		}
		// the subject names the ticket; a text message has none, so its words do
		String naming = m.subject() != null ? m.subject() : m.channel() == Channel.SMS ? m.body() : null;
		if (naming != null) {
			Matcher found = ticketNumber.matcher(naming);
			while (found.find()) {
				String digits = found.group(1).replaceFirst("^0+(?=\\d)", "");
				String number = numberPrefix + "-" + (digits.length() < 6 ? "0".repeat(6 - digits.length()) + digits
						: digits);
				Optional<Ref> t = tickets.byNumber(number).filter(r -> r.programId() == m.programId())
					.flatMap(this::followMerges)
					.filter(r -> tickets.standingOf(r.id(), senderId).onTicket());
				if (t.isPresent()) {
					return t.filter(r -> !r.status().isEnded());
				}
			}
		}
		return Optional.empty();
	}

	/** A ticket merged into another continues there. */
	private Optional<Ref> followMerges(Ref r) {
		Ref at = r;
		for (int hops = 0; at.mergedIntoId() != null && hops < 10; hops++) {
			Optional<Ref> next = tickets.byId(at.mergedIntoId());
			if (next.isEmpty()) {
				break;
			}
			at = next.get();
		}
		return Optional.of(at);
	}

	private Optional<Person> identify(InboundMessage m) {
		if (m.senderAccountId() != null) {
			return accounts.findById(m.senderAccountId()).filter(p -> p.programIds().contains(m.programId()));
		}
		if (m.senderAddress() == null) {
			return Optional.empty();
		}
		return switch (m.channel()) {
			case EMAIL -> accounts.findByEmail(m.programId(), m.senderAddress());
			case SMS, PHONE -> accounts.findByPhone(m.programId(), m.senderAddress());
			case MESSAGE -> accounts.findByOrganization(m.programId(), m.senderAddress());
			default -> Optional.empty();
		};
	}

	private Person newCustomer(InboundMessage m) {
		String address = m.senderAddress();
		String name = m.senderName() == null || m.senderName().isBlank() ? address : m.senderName().strip();
		boolean mail = m.channel() == Channel.EMAIL;
		boolean phone = m.channel() == Channel.SMS || m.channel() == Channel.PHONE;
		boolean formal = m.channel() == Channel.MESSAGE;
		return accounts.create(new Accounts.NewAccount(accounts.freeUsername(address), Receipt.clip(name, 200),
				mail ? address : null, phone ? address : null, formal ? Receipt.clip(address, 200) : null, null, null,
				Set.of(Role.CUSTOMER), Set.of(m.programId())));
	}

	ChannelSettings settingsOf(long programId) {
		return settings.findById(programId).orElseGet(() -> ChannelSettings.defaults(programId));
	}

	static String subjectOf(InboundMessage m) {
		String s = m.subject() == null ? "" : m.subject().replaceAll("[\\p{Cntrl}]+", " ").strip();
		if (s.isEmpty()) {
			String body = m.body() == null ? "" : m.body().strip();
			int end = body.indexOf('\n');
			s = (end < 0 ? body : body.substring(0, end)).strip();
			s = s.length() > 80 ? s.substring(0, 80) + "…" : s;
		}
		if (s.isEmpty()) {
			s = "(no subject)";
		}
		return s.length() > MAX_SUBJECT ? s.substring(0, MAX_SUBJECT - 1) + "…" : s;
	}

	static String bodyOf(InboundMessage m) {
		String b = m.body() == null ? "" : m.body().strip();
		if (b.isEmpty()) {
			b = m.attachments().isEmpty() ? "(no text)" : "(no text; see the attached files)";
		}
		return b.length() > 1_000_000 ? b.substring(0, 999_000) + "\n[… cut: the message was longer than the desk keeps]"
				: b;
	}
}
