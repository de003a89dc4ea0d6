package org.tierdesk.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.system.RuleViolationException;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.TicketIntake;

/**
 * Each program's channels, as its managers set them up: the addresses and numbers it is reached on, its mailboxes,
 * what happens to unknown senders, the language of its notices; and what the desk's staff look after: messages
 * held for review, mail set aside as rejected (with the raw message), and the messages sent about a ticket.
 */
@Service
@Transactional(readOnly = true)
public class Channels {

	private static final String MANAGERS = "only the program's managers set up its channels";

	private static final String STAFF = "only the program's desk staff see its channels' messages";

	private final Programs programs;

	private final ChannelSettingsRepository settings;

	private final EndpointRepository endpoints;

	private final MailboxRepository mailboxes;

	private final MailRecordRepository mailRecords;

	private final HeldMessageRepository held;

	private final OutboundRepository outbound;

	private final RawMailStore rawStore;

	private final IntakePipeline pipeline;

	private final MailboxPoller poller;

	private final TicketIntake tickets;

	private final Clock clock;

	private final NoticeTemplates templates;

	private final org.springframework.jdbc.core.JdbcTemplate jdbc;

	Channels(Programs programs, ChannelSettingsRepository settings, EndpointRepository endpoints,
			MailboxRepository mailboxes, MailRecordRepository mailRecords, HeldMessageRepository held,
			OutboundRepository outbound, RawMailStore rawStore, IntakePipeline pipeline, MailboxPoller poller,
			TicketIntake tickets, Clock clock, NoticeTemplates templates, org.springframework.jdbc.core.JdbcTemplate jdbc) {
		this.templates = templates;
		this.jdbc = jdbc;
		this.programs = programs;
		this.settings = settings;
		this.endpoints = endpoints;
		this.mailboxes = mailboxes;
		this.mailRecords = mailRecords;
		this.held = held;
		this.outbound = outbound;
		this.rawStore = rawStore;
		this.pipeline = pipeline;
		this.poller = poller;
		this.tickets = tickets;
		this.clock = clock;
	}

	// -- settings ---------------------------------------------------------------------------------------------------

	public record SettingsView(String program, UnknownSenders unknownSenders, String language, String mailFrom,
			int autoReplyCapPerDay, boolean smsSignatureSecretSet, boolean telephonySecretSet) {
	}

	public record SettingsForm(UnknownSenders unknownSenders, String language, String mailFrom,
			Integer autoReplyCapPerDay, String smsSignatureSecret, String telephonySecret) {

		public SettingsForm(UnknownSenders unknownSenders, String language, String mailFrom,
				Integer autoReplyCapPerDay, String smsSignatureSecret) {
			this(unknownSenders, language, mailFrom, autoReplyCapPerDay, smsSignatureSecret, null);
		}
	}

	/** The language the program speaks to its people in ("en", "pt"), if it chose one. */
	@Transactional(readOnly = true)
	public Optional<String> languageOf(long programId) {
		return settings.findById(programId).map(ChannelSettings::language);
	}

	public SettingsView settings(DeskPrincipal me, String programKey) {
		Program p = programs.forManagers(me, programKey, MANAGERS);
		return view(p, pipeline.settingsOf(p.id()));
	}

	@Transactional
	public SettingsView changeSettings(DeskPrincipal me, String programKey, SettingsForm form) {
		Program p = programs.forManagers(me, programKey, MANAGERS);
		if (form.language() != null && !NoticeTemplates.LANGUAGES.contains(form.language())) {
			throw new InvalidFieldException("language", "notices are written in " + NoticeTemplates.LANGUAGES);
		}
		if (form.autoReplyCapPerDay() != null && (form.autoReplyCapPerDay() < 0 || form.autoReplyCapPerDay() > 1000)) {
			throw new InvalidFieldException("autoReplyCapPerDay", "between 0 and 1000");
		}
		if (form.mailFrom() != null && !form.mailFrom().isBlank()) {
			Addresses.normalize(Channel.EMAIL, form.mailFrom());
		}
		if (form.smsSignatureSecret() != null && !form.smsSignatureSecret().isEmpty()
				&& form.smsSignatureSecret().length() < 16) {
			throw new InvalidFieldException("smsSignatureSecret", "a shared secret has at least 16 characters");
		}
		if (form.telephonySecret() != null && !form.telephonySecret().isEmpty() && form.telephonySecret().length() < 16) {
			throw new InvalidFieldException("telephonySecret", "a shared secret has at least 16 characters");
		}
		ChannelSettings s = settings.findById(p.id()).orElseGet(() -> new ChannelSettings(p.id()));
		if (form.telephonySecret() != null) {
			s.telephonySecret(form.telephonySecret().isEmpty() ? null : form.telephonySecret());
		}
		s.change(form.unknownSenders() == null ? s.unknownSenders() : form.unknownSenders(),
				form.language() == null ? s.language() : form.language(),
				form.mailFrom() == null ? s.mailFrom() : form.mailFrom().isBlank() ? null : form.mailFrom().strip(),
				form.autoReplyCapPerDay() == null ? s.autoReplyCap() : form.autoReplyCapPerDay(),
				form.smsSignatureSecret() == null ? s.smsSecret()
						: form.smsSignatureSecret().isEmpty() ? null : form.smsSignatureSecret(),
				me.accountId(), clock.instant());
		return view(p, settings.save(s));
	}

	private static SettingsView view(Program p, ChannelSettings s) {
		return new SettingsView(p.key(), s.unknownSenders(), s.language(), s.mailFrom(), s.autoReplyCap(),
				s.smsSecret() != null, s.telephonySecret() != null);
	}

	// -- endpoints --------------------------------------------------------------------------------------------------

	public record EndpointView(long id, Channel channel, String address) {
	}

	public List<EndpointView> endpoints(DeskPrincipal me, String programKey) {
		Program p = programs.forManagers(me, programKey, MANAGERS);
		return endpoints.findByProgramIdOrderByChannelAscAddressAsc(p.id()).stream()
			.map(e -> new EndpointView(e.id(), e.channel(), e.address())).toList();
	}

	@Transactional
	public EndpointView addEndpoint(DeskPrincipal me, String programKey, Channel channel, String address) {
		Program p = programs.forManagers(me, programKey, MANAGERS);
		if (channel == null || channel == Channel.WEB || channel == Channel.API || channel == Channel.CHAT) {
			throw new InvalidFieldException("channel", "addresses are set for EMAIL, SMS, PHONE and MESSAGE");
		}
		String normalized = Addresses.normalize(channel, address);
		if (endpoints.findByChannelAndAddress(channel, normalized).isPresent()) {
			throw new RuleViolationException("address", normalized + " already reaches a program");
		}
		try {
			Endpoint e = endpoints.saveAndFlush(new Endpoint(p.id(), channel, normalized));
			return new EndpointView(e.id(), e.channel(), e.address());
		}
		catch (DataIntegrityViolationException e) {
			throw new RuleViolationException("address", normalized + " already reaches a program");
		}
	}

	@Transactional
	public void removeEndpoint(DeskPrincipal me, String programKey, long id) {
		Program p = programs.forManagers(me, programKey, MANAGERS);
		Endpoint e = endpoints.findById(id).filter(x -> x.programId() == p.id())
			.orElseThrow(() -> new NotFoundException("no address " + id + " in " + programKey));
		endpoints.delete(e);
	}

	/** The program an address or number of a channel reaches. */
	public Optional<Long> programReachedAt(Channel channel, String address) {
		try {
			return endpoints.findByChannelAndAddress(channel, Addresses.normalize(channel, address))
				.map(Endpoint::programId);
		}
		catch (InvalidFieldException e) {
			return Optional.empty();
		}
	}

	// -- mailboxes --------------------------------------------------------------------------------------------------

	public record MailboxForm(String name, String host, Integer port, Boolean secure, String username,
			String password, String folder, String processedFolder, Boolean enabled) {
	}

	public record MailboxView(long id, String name, String host, int port, boolean secure, String username,
			String folder, String processedFolder, boolean enabled, Long uidValidity, long lastDoneUid,
			String leaseOwner, Instant leaseUntil, Instant lastPolledAt, String lastError) {

		static MailboxView of(Mailbox m) {
			return new MailboxView(m.id(), m.name(), m.host(), m.port(), m.secure(), m.username(), m.folder(),
					m.processedFolder(), m.enabled(), m.uidValidity(), m.lastDoneUid(), m.leaseOwner(), m.leaseUntil(),
					m.lastPolledAt(), m.lastError());
		}
	}

	public List<MailboxView> mailboxes(DeskPrincipal me, String programKey) {
		Program p = programs.forManagers(me, programKey, MANAGERS);
		return mailboxes.findByProgramIdOrderByName(p.id()).stream().map(MailboxView::of).toList();
	}

	/** Creates the mailbox of that name, or changes it (a password left out is kept). */
	@Transactional
	public MailboxView saveMailbox(DeskPrincipal me, String programKey, MailboxForm f) {
		Program p = programs.forManagers(me, programKey, MANAGERS);
		if (f.name() == null || !f.name().matches("[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}")) {
			throw new InvalidFieldException("name", "a mailbox name is 1-100 letters, digits, spaces, '.', '_' or '-'");
		}
		if (f.host() == null || f.host().isBlank() || f.host().length() > 300) {
			throw new InvalidFieldException("host", "the IMAP server's host name is required");
		}
		if (f.port() != null && (f.port() < 1 || f.port() > 65535)) {
			throw new InvalidFieldException("port", "a port is 1-65535");
		}
		if (f.username() == null || f.username().isBlank()) {
			throw new InvalidFieldException("username", "the mailbox's login is required");
		}
		Mailbox m = mailboxes.findByProgramIdOrderByName(p.id()).stream().filter(x -> x.name().equals(f.name()))
			.findFirst().orElse(null);
		if (m == null) {
			if (f.password() == null) {
				throw new InvalidFieldException("password", "the mailbox's password is required");
			}
			m = new Mailbox(p.id(), f.name());
		}
		boolean secure = f.secure() == null || f.secure();
		m.configure(f.host().strip(), f.port() == null ? (secure ? 993 : 143) : f.port(), secure, f.username(),
				f.password(), f.folder(), f.processedFolder(), f.enabled() == null || f.enabled());
		return MailboxView.of(mailboxes.saveAndFlush(m));
	}

	public record PollView(boolean leased, int taken, int flagged, String error) {
	}

	/** Polls a mailbox now, on this instance (if it can hold the lease). */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NEVER)
	public PollView pollNow(DeskPrincipal me, String programKey, long mailboxId) {
		Program p = programs.forManagers(me, programKey, MANAGERS);
		mailboxes.findById(mailboxId).filter(m -> m.programId() == p.id())
			.orElseThrow(() -> new NotFoundException("no mailbox " + mailboxId + " in " + programKey));
		MailboxPoller.Poll poll = poller.poll(mailboxId, poller.instance());
		return new PollView(poll.leased(), poll.taken(), poll.flagged(), poll.error());
	}

	// -- rejected mail ----------------------------------------------------------------------------------------------

	public record RejectedMailView(long id, long mailboxId, long uid, String messageId, String reason,
			Instant readAt, String sha256) {
	}

	public List<RejectedMailView> rejectedMail(DeskPrincipal me, String programKey, int limit) {
		Program p = programs.forStaff(me, programKey, STAFF);
		List<Long> ids = mailboxes.findByProgramIdOrderByName(p.id()).stream().map(Mailbox::id).toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		return mailRecords.findByOutcome(ids, MailRecord.Outcome.REJECTED, PageRequest.of(0, Math.min(limit, 500)))
			.stream()
			.map(r -> new RejectedMailView(r.id(), r.mailboxId(), r.uid(), r.messageId(), r.reason(), r.readAt(),
					r.sha256()))
			.toList();
	}

	/** The raw bytes of a message read from one of the program's mailboxes. */
	public byte[] rawMail(DeskPrincipal me, String programKey, long recordId) {
		Program p = programs.forStaff(me, programKey, STAFF);
		MailRecord r = mailRecords.findById(recordId)
			.filter(x -> mailboxes.findById(x.mailboxId()).map(m -> m.programId() == p.id()).orElse(false))
			.orElseThrow(() -> new NotFoundException("no mail " + recordId + " in " + programKey));
		try {
			return rawStore.read(r.sha256());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	// -- held messages ----------------------------------------------------------------------------------------------

	public record HeldView(long id, Channel channel, String sender, String senderName, String subject, String body,
			Instant receivedAt) {
	}

	public List<HeldView> held(DeskPrincipal me, String programKey) {
		Program p = programs.forStaff(me, programKey, STAFF);
		return held.findByProgramIdAndDecisionIsNullOrderByReceivedAt(p.id()).stream()
			.map(h -> new HeldView(h.id(), h.channel(), h.sender(), h.senderName(), h.subject(), h.body(),
					h.receivedAt()))
			.toList();
	}

	/** Releases a held message: its sender becomes a customer and the message a ticket (acknowledged as usual). */
	@Transactional
	public IntakeOutcome release(DeskPrincipal me, String programKey, long heldId) {
		Program p = programs.forStaff(me, programKey, STAFF);
		HeldMessage h = held.findById(heldId).filter(x -> x.programId() == p.id())
			.orElseThrow(() -> new NotFoundException("no held message " + heldId + " in " + programKey));
		IntakeOutcome outcome = pipeline.release(h);
		h.decide(HeldMessage.Decision.RELEASED, outcome.ticketId(), me.accountId(), clock.instant());
		return outcome;
	}

	@Transactional
	public void discard(DeskPrincipal me, String programKey, long heldId) {
		Program p = programs.forStaff(me, programKey, STAFF);
		HeldMessage h = held.findById(heldId).filter(x -> x.programId() == p.id())
			.orElseThrow(() -> new NotFoundException("no held message " + heldId + " in " + programKey));
		h.decide(HeldMessage.Decision.DISCARDED, null, me.accountId(), clock.instant());
	}

	// -- notice wording ---------------------------------------------------------------------------------------------

	public record NoticeView(String purpose, String language, String source, String subject, String body,
			java.util.Set<String> placeholders) {
	}

	public record NoticeForm(String subject, String body) {
	}

	/** Every notice in every language: the program's own wording where it has one, the shipped template otherwise. */
	public List<NoticeView> notices(DeskPrincipal me, String programKey) {
		Program p = programs.forManagers(me, programKey, MANAGERS);
		var own = templates.wordingsOf(p.id());
		List<NoticeView> all = new java.util.ArrayList<>();
		for (Outbound.Purpose purpose : Outbound.Purpose.values()) {
			for (String language : new java.util.TreeSet<>(NoticeTemplates.LANGUAGES)) {
				NoticeWording w = own.get(purpose.name() + "/" + language);
				all.add(w != null
						? new NoticeView(purpose.name(), language, "PROGRAM", w.subject(), w.body(),
								NoticeWording.VALUES.get(purpose))
						: new NoticeView(purpose.name(), language, "SHIPPED", null, templates.shipped(language, purpose),
								NoticeWording.VALUES.get(purpose)));
			}
		}
		return all;
	}

	@Transactional
	public NoticeView saveNotice(DeskPrincipal me, String programKey, String purpose, String language, NoticeForm f) {
		Program p = programs.forManagers(me, programKey, MANAGERS);
		Outbound.Purpose which = purpose(purpose);
		if (!NoticeTemplates.LANGUAGES.contains(language)) {
			throw new InvalidFieldException("language", "notices are written in " + NoticeTemplates.LANGUAGES);
		}
		NoticeWording w = NoticeWording.checked(which, f.subject(), f.body());
		jdbc.update("delete from intake_notice_template where program_id = ? and purpose = ? and language = ?", p.id(),
				which.name(), language);
		jdbc.update("insert into intake_notice_template (program_id, purpose, language, subject, body, updated_by, "
				+ "updated_at) values (?, ?, ?, ?, ?, ?, ?)", p.id(), which.name(), language, w.subject(), w.body(),
				me.accountId(), java.sql.Timestamp.from(clock.instant()));
		templates.forget(p.id());
		return new NoticeView(which.name(), language, "PROGRAM", w.subject(), w.body(), NoticeWording.VALUES.get(which));
	}

	@Transactional
	public void resetNotice(DeskPrincipal me, String programKey, String purpose, String language) {
		Program p = programs.forManagers(me, programKey, MANAGERS);
		jdbc.update("delete from intake_notice_template where program_id = ? and purpose = ? and language = ?", p.id(),
				purpose(purpose).name(), language);
		templates.forget(p.id());
	}

	private static Outbound.Purpose purpose(String purpose) {
		try {
			return Outbound.Purpose.valueOf(purpose.toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new NotFoundException("no notice " + purpose + "; there are "
					+ java.util.Arrays.toString(Outbound.Purpose.values()));
		}
	}

	// -- messages out -----------------------------------------------------------------------------------------------

	public record OutboundView(long id, Channel channel, String purpose, String recipient, String subject,
			String status, int attempts, Instant createdAt, Instant sentAt, String lastError, String messageId) {
	}

	/** What the desk sent (or is sending) about a ticket, for its staff. */
	public List<OutboundView> sentAbout(DeskPrincipal me, String ticketNumber) {
		TicketIntake.Ref t = tickets.byNumber(ticketNumber)
			.filter(r -> me.staffOf(r.programId()))
			.orElseThrow(() -> new NotFoundException("no ticket " + ticketNumber));
		return outbound.findByTicketIdOrderById(t.id()).stream()
			.map(o -> new OutboundView(o.id(), o.channel(), o.purpose().name(), o.recipient(), o.subject(),
					o.status().name(), o.attempts(), o.createdAt(), o.sentAt(), o.lastError(), o.messageId()))
			.toList();
	}
}
