package org.tierdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tierdesk.identity.Accounts;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.MovableClock;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;
import org.tierdesk.support.TestMailServer;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.EntryVisibility;
import org.tierdesk.ticket.TicketViews.EntryView;
import org.tierdesk.ticket.Tickets;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Mail in and out against a real SMTP/IMAP server: exactly once, threaded, loop-safe, nothing lost. */
@DeskTest
class MailIntakeTests {

	private static final String PASSWORD = "mailbox-password";

	@Autowired
	TestDesk testDesk;

	@Autowired
	Channels channels;

	@Autowired
	MailboxPoller poller;

	@Autowired
	Tickets tickets;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MovableClock clock;

	Desk d;

	DeskPrincipal admin;

	String help;

	long helpBox;

	@BeforeEach
	void deskWithAMailbox() {
		TestMailServer.get();
		d = testDesk.create();
		admin = accounts.findByUsername("admin").orElseThrow().principal();
		help = "help-" + d.key().toLowerCase() + "@desk.test";
		helpBox = mailbox(help);
	}

	@AfterEach
	void noFaults() {
		poller.beforeTake = uid -> {
		};
		poller.afterCommit = uid -> {
		};
	}

	long mailbox(String address) {
		TestMailServer.mailbox(address, PASSWORD);
		channels.addEndpoint(admin, d.key(), Channel.EMAIL, address);
		return channels.saveMailbox(admin, d.key(), new Channels.MailboxForm(address.substring(0, address.indexOf('@')),
				"localhost", 3143, false, address, PASSWORD, null, null, true)).id();
	}

	@Test
	void aNewMailOpensOneTicketForItsSenderAndIsAcknowledgedWithTheNumberOnlyAfterCommitting() throws Exception {
		send(d.customer().email(), help, null, "Printer on deck 3 is down", "It shows error E-42 since this morning.",
				Map.of());

		MailboxPoller.Poll poll = poll(helpBox);

		assertThat(poll.taken()).isEqualTo(1);
		List<Map<String, Object>> rows = ticketsOf(d);
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).containsEntry("CHANNEL", "EMAIL").containsEntry("SUBJECT", "Printer on deck 3 is down");
		assertThat(((Number) rows.get(0).get("REQUESTER_ID")).longValue()).isEqualTo(d.customer().id());
		String number = (String) rows.get(0).get("NUMBER");
		assertThat(seenFlags(help)).containsExactly(true);

		MimeMessage ack = awaitMailTo(d.customer().email(), number);
		assertThat(ack.getSubject()).contains(number);
		assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
		assertThat(ack.getMessageID()).matches("<td\\.\\d+\\.\\d+\\.[0-9a-f]{24}@.+>");
		assertThat(ack.getHeader("In-Reply-To", null)).contains("@test.example");
	}

	@Test
	void aReplyToOurMailThreadsByItsSignedMessageIdEvenWithoutTheNumberInTheSubject() throws Exception {
		send(d.customer().email(), help, null, "VPN drops", "Every 10 minutes.", Map.of());
		poll(helpBox);
		String number = onlyTicket(d);
		MimeMessage ack = awaitMailTo(d.customer().email(), number);

		send(d.customer().email(), help, null, "another subject entirely",
				"It happened again at 10:05.\n\nOn Mon, 23 Nov 2026 the desk wrote:\n> We have received your request",
				Map.of("In-Reply-To", ack.getMessageID()));
		poll(helpBox);

		assertThat(ticketsOf(d)).hasSize(1);
		List<EntryView> entries = replies(number);
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).body()).isEqualTo("It happened again at 10:05.");
		assertThat(entries.get(0).visibility()).isEqualTo(EntryVisibility.PUBLIC);
		assertThat(entries.get(0).channel()).isEqualTo(Channel.EMAIL);
	}

	@Test
	void oneMessageSentToTwoDeskAddressesOfTheProgramMakesOneTicket() throws Exception {
		String support = "support-" + d.key().toLowerCase() + "@desk.test";
		long supportBox = mailbox(support);

		send(d.customer().email(), help, support, "Radar display frozen", "Since the update.", Map.of());
		poll(helpBox);
		poll(supportBox);

		assertThat(ticketsOf(d)).hasSize(1);
		assertThat(outcomes(supportBox)).containsExactly("DUPLICATE");
	}

	@Test
	void aReusedMessageIdWithDifferentContentIsStillTakenIn() throws Exception {
		Map<String, String> sameId = Map.of("Message-ID", "<same-" + d.key() + "@client.example>");
		send(d.customer().email(), help, null, "First problem", "Keyboard broken.", sameId);
		send(d.customer().email(), help, null, "Second problem", "Mouse broken.", sameId);

		poll(helpBox);

		assertThat(ticketsOf(d)).extracting(r -> r.get("SUBJECT")).containsExactlyInAnyOrder("First problem",
				"Second problem");
	}

	@Test
	void anAutoReplyToOurAcknowledgementIsKeptButNeverAnsweredSoTheLoopStopsAfterOneMessage() throws Exception {
		send(d.customer().email(), help, null, "Need access", "To the logistics share.", Map.of());
		poll(helpBox);
		String number = onlyTicket(d);
		MimeMessage ack = awaitMailTo(d.customer().email(), number);

		send(d.customer().email(), help, null, "Out of office: " + ack.getSubject(), "I am away until Monday.",
				Map.of("Auto-Submitted", "auto-replied", "In-Reply-To", ack.getMessageID()));
		send("robot-" + d.key().toLowerCase() + "@lists.example", help, null, "Weekly digest", "News.",
				Map.of("Precedence", "bulk"));
		poll(helpBox);

		assertThat(replies(number)).hasSize(1);
		assertThat(ticketsOf(d)).hasSize(2);
		List<Map<String, Object>> out = jdbc.queryForList(
				"select o.recipient from intake_outbound o join ticket t on t.id = o.ticket_id where t.program_id = ?",
				d.program().id());
		assertThat(out).extracting(r -> r.get("RECIPIENT")).containsExactly(d.customer().email());
	}

	@Test
	void automaticRepliesToOneSenderStopAtTheDailyCap() throws Exception {
		channels.changeSettings(admin, d.key(), new Channels.SettingsForm(null, null, null, 2, null));
		for (int i = 0; i < 4; i++) {
			send(d.customer().email(), help, null, "Problem " + i, "Text " + i, Map.of());
		}
		poll(helpBox);

		assertThat(ticketsOf(d)).hasSize(4);
		assertThat(jdbc.queryForObject("select count(*) from intake_outbound where program_id = ?", Long.class,
				d.program().id())).isEqualTo(2);
	}

	@Test
	void aBounceOfOurMailIsADeliveryFailureOnItsTicketNeverANewTicket() throws Exception {
		send(d.customer().email(), help, null, "Screen flickers", "On console 2.", Map.of());
		poll(helpBox);
		String number = onlyTicket(d);
		MimeMessage ack = awaitMailTo(d.customer().email(), number);

		String dsn = """
				From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
				To: %s
				Subject: Undelivered Mail Returned to Sender
				Return-Path: <>
				Message-ID: <dsn-%s@mx.example.org>
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

				--b1
				Content-Type: text/plain

				Your message could not be delivered: mailbox full.
				--b1
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.example.org
				Final-Recipient: rfc822; %s
				Action: failed
				Status: 5.2.2
				--b1
				Content-Type: text/rfc822-headers

				Message-ID: %s
				Subject: %s
				--b1--
				""".formatted(help, d.key(), d.customer().email(), ack.getMessageID(), ack.getSubject());
		TestMailServer.deliverRaw("MAILER-DAEMON@mx.example.org", help, dsn.getBytes(StandardCharsets.UTF_8));
		poll(helpBox);

		assertThat(ticketsOf(d)).hasSize(1);
		List<EntryView> entries = replies(number);
		assertThat(entries).singleElement().satisfies(e -> {
			assertThat(e.visibility()).isEqualTo(EntryVisibility.INTERNAL);
			assertThat(e.body()).startsWith("Delivery failure").contains("mailbox full");
		});
		assertThat(jdbc.queryForObject("select status from intake_outbound where purpose = 'ACKNOWLEDGEMENT' "
				+ "and ticket_id = (select id from ticket where number = ?)", String.class, number)).isEqualTo("FAILED");
	}

	@Test
	void malformedMailIsSetAsideWithItsReasonAndRawBytesAndTheNextMessageIsTakenIn() throws Exception {
		String bad = """
				From: %s
				To: %s
				Subject: broken
				MIME-Version: 1.0
				Content-Type: text/plain; charset=x-no-such-charset

				text in a charset nobody knows
				""".formatted(d.customer().email(), help);
		TestMailServer.deliverRaw(d.customer().email(), help, bad.getBytes(StandardCharsets.UTF_8));
		send(d.customer().email(), help, null, "A good one", "Readable.", Map.of());

		MailboxPoller.Poll poll = poll(helpBox);

		assertThat(poll.error()).isNull();
		assertThat(ticketsOf(d)).extracting(r -> r.get("SUBJECT")).containsExactly("A good one");
		List<Channels.RejectedMailView> rejected = channels.rejectedMail(d.agent1().principal(), d.key(), 10);
		assertThat(rejected).singleElement().satisfies(r -> assertThat(r.reason()).contains("x-no-such-charset"));
		assertThat(new String(channels.rawMail(d.agent1().principal(), d.key(), rejected.get(0).id()),
				StandardCharsets.UTF_8)).contains("text in a charset nobody knows");
		assertThat(seenFlags(help)).containsExactly(true, true);
	}

	@Test
	void aCrashBetweenTheTicketCommitAndTheServerFlagRereadsTheMessageAndMakesNoSecondTicket() throws Exception {
		send(d.customer().email(), help, null, "Crash test", "Body.", Map.of());
		poller.afterCommit = uid -> {
			throw new IllegalStateException("simulated crash after commit");
		};

		MailboxPoller.Poll crashed = poll(helpBox);

		assertThat(crashed.error()).contains("simulated crash");
		assertThat(ticketsOf(d)).hasSize(1);
		assertThat(seenFlags(help)).containsExactly(false);

		poller.afterCommit = uid -> {
		};
		MailboxPoller.Poll again = poll(helpBox);

		assertThat(again.taken()).isZero();
		assertThat(again.flagged()).isEqualTo(1);
		assertThat(ticketsOf(d)).hasSize(1);
		assertThat(seenFlags(help)).containsExactly(true);
	}

	@Test
	void whileTheDatabaseIsDownFetchingPausesAndNothingIsFlaggedOrLost() throws Exception {
		send(d.customer().email(), help, null, "During the outage", "Body.", Map.of());
		poller.beforeTake = uid -> {
			throw new DataAccessResourceFailureException("connection refused");
		};

		MailboxPoller.Poll paused = poll(helpBox);

		assertThat(paused.error()).startsWith("paused");
		assertThat(seenFlags(help)).containsExactly(false);
		assertThat(ticketsOf(d)).isEmpty();

		poller.beforeTake = uid -> {
		};
		poll(helpBox);
		assertThat(ticketsOf(d)).hasSize(1);
		assertThat(seenFlags(help)).containsExactly(true);
	}

	@Test
	void aForgedReplyTokenIsIgnoredAndTheMailOpensANewTicket() throws Exception {
		send(d.customer().email(), help, null, "Original", "Body.", Map.of());
		poll(helpBox);
		String number = onlyTicket(d);
		MimeMessage ack = awaitMailTo(d.customer().email(), number);
		String forged = ack.getMessageID().replaceAll("\\.[0-9a-f]{24}@", ".0123456789abcdef01234567@");

		send(d.colleague().email(), help, null, "Totally related", "Let me in on this ticket.",
				Map.of("In-Reply-To", forged));
		poll(helpBox);

		assertThat(ticketsOf(d)).hasSize(2);
		assertThat(replies(number)).isEmpty();
		assertThat(outcomes(helpBox)).containsExactly("OPENED", "OPENED");
	}

	@Test
	void aMailQuotingAnotherCustomersTicketNumberOpensANewTicketWhileTheRequestersOwnIsAppended() throws Exception {
		send(d.customer().email(), help, null, "Mine", "Body.", Map.of());
		poll(helpBox);
		String number = onlyTicket(d);

		send(d.stranger().email(), help, null, "Re: " + number + " Mine", "I have the same!", Map.of());
		send(d.customer().email(), help, null, "Re: [" + number + "]", "More details from me.", Map.of());
		poll(helpBox);

		assertThat(ticketsOf(d)).hasSize(2);
		assertThat(replies(number)).extracting(EntryView::body)
			.containsExactly("More details from me.");
	}

	@Test
	void anAgentAnsweringByMailSpeaksForTheDeskAndTheCustomerGetsTheReplyThreaded() throws Exception {
		send(d.customer().email(), help, null, "Slow network", "Since Monday.", Map.of());
		poll(helpBox);
		String number = onlyTicket(d);
		awaitMailTo(d.customer().email(), number);

		send(d.agent1().email(), help, null, "RE: " + number + " Slow network", "Please restart the switch.",
				Map.of());
		send(d.agent2().email(), help, null, "RE: " + number, "Tier 2 note: switch firmware is old.", Map.of());
		poll(helpBox);

		List<EntryView> entries = replies(number);
		// two senders' mails of one chunk are taken in at once: their order is not defined, their visibility is
		assertThat(entries).extracting(e -> e.visibility() + ":" + e.body()).containsExactlyInAnyOrder(
				"PUBLIC:Please restart the switch.", "INTERNAL:Tier 2 note: switch firmware is old.");
		MimeMessage reply = await().atMost(Duration.ofSeconds(15)).until(
				() -> mailsTo(d.customer().email()).stream().filter(m -> body(m).contains("restart the switch"))
					.findFirst().orElse(null),
				m -> m != null);
		assertThat(reply.getHeader("References", null)).isNotNull();
		assertThat(reply.getHeader("In-Reply-To", null)).isNotNull();
		assertThat(mailsTo(d.customer().email())).noneMatch(m -> body(m).contains("firmware"));
	}

	@Test
	void attachmentsAndAnHtmlOnlyBodyArrivePlainAndSafe() throws Exception {
		String raw = """
				From: %s
				To: %s
				Subject: With a screenshot
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="m1"

				--m1
				Content-Type: text/html; charset=utf-8

				<html><body><p>See <b>attached</b>.</p><script>alert(1)</script><img src=x onerror=alert(2)></body></html>
				--m1
				Content-Type: image/png; name="screen.png"
				Content-Disposition: attachment; filename="screen.png"
				Content-Transfer-Encoding: base64

				iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==
				--m1--
				""".formatted(d.customer().email(), help);
		TestMailServer.deliverRaw(d.customer().email(), help, raw.getBytes(StandardCharsets.UTF_8));
		poll(helpBox);

		String number = onlyTicket(d);
		var ticket = tickets.get(d.agent1().principal(), number);
		assertThat(ticket.description()).isEqualTo("See attached.");
		assertThat(jdbc.queryForList("select file_name from ticket_attachment a join ticket t on t.id = a.ticket_id "
				+ "where t.number = ?", String.class, number)).containsExactly("screen.png");
	}

	@Test
	void unknownSendersBecomeCustomersOrAreHeldForReviewAsTheProgramChooses() throws Exception {
		String newcomer = "newcomer-" + d.key().toLowerCase() + "@fleet.example";
		send(newcomer, help, null, "Hello desk", "First time writing.", Map.of());
		poll(helpBox);
		assertThat(accounts.findByEmail(d.program().id(), newcomer)).hasValueSatisfying(p -> assertThat(p.roles())
			.containsExactly(org.tierdesk.system.Role.CUSTOMER));
		assertThat(ticketsOf(d)).hasSize(1);

		channels.changeSettings(admin, d.key(), new Channels.SettingsForm(UnknownSenders.HOLD, null, null, null, null));
		String other = "other-" + d.key().toLowerCase() + "@fleet.example";
		send(other, help, null, "Please help", "Held?", Map.of());
		poll(helpBox);

		assertThat(ticketsOf(d)).hasSize(1);
		List<Channels.HeldView> held = channels.held(d.agent1().principal(), d.key());
		assertThat(held).singleElement().satisfies(h -> assertThat(h.sender()).isEqualTo(other));
		IntakeOutcome released = channels.release(d.agent1().principal(), d.key(), held.get(0).id());
		assertThat(released.kind()).isEqualTo(IntakeOutcome.Kind.OPENED);
		assertThat(ticketsOf(d)).hasSize(2);
		assertThat(channels.held(d.agent1().principal(), d.key())).isEmpty();
	}

	@Test
	void aMailboxIsFetchedByOneInstanceAtATimeAndTakenOverWhenItsLeaseRunsOut() throws Exception {
		send(d.customer().email(), help, null, "Lease test", "Body.", Map.of());

		MailboxPoller.Poll a = poller.poll(helpBox, "instance-a");
		MailboxPoller.Poll b = poller.poll(helpBox, "instance-b");

		assertThat(a.leased()).isTrue();
		assertThat(b.leased()).isFalse();
		send(d.customer().email(), help, null, "Second", "Body.", Map.of());
		clock.advance(Duration.ofSeconds(61));
		MailboxPoller.Poll takeover = poller.poll(helpBox, "instance-b");
		assertThat(takeover.leased()).isTrue();
		assertThat(takeover.taken()).isEqualTo(1);
		assertThat(ticketsOf(d)).hasSize(2);
	}

	@Test
	void whereTheServerOffersIdleMailArrivingDuringThePollIsTakenInAtOnce() throws Exception {
		java.util.concurrent.CompletableFuture<MailboxPoller.Poll> idling = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> poller.poll(helpBox, poller.instance(), Duration.ofSeconds(10)));
		// the first pass has found nothing and the connection waits in IDLE
		await().atMost(Duration.ofSeconds(10)).until(() -> channels.mailboxes(admin, d.key()).stream()
			.anyMatch(m -> m.id() == helpBox && m.lastPolledAt() != null));

		send(d.customer().email(), help, null, "Arrives while idle", "Body.", Map.of());

		await().atMost(Duration.ofSeconds(5)).until(() -> ticketsOf(d).size() == 1);
		assertThat(idling).isNotDone();
		MailboxPoller.Poll poll = idling.get(30, java.util.concurrent.TimeUnit.SECONDS);
		assertThat(poll.taken()).isEqualTo(1);
		assertThat(poll.error()).isNull();
	}

	// -- helpers ----------------------------------------------------------------------------------------------------

	MailboxPoller.Poll poll(long mailboxId) {
		return poller.poll(mailboxId, poller.instance());
	}

	List<Map<String, Object>> ticketsOf(Desk desk) {
		return jdbc.queryForList("select number, subject, channel, requester_id from ticket where program_id = ? "
				+ "order by id", desk.program().id());
	}

	String onlyTicket(Desk desk) {
		List<Map<String, Object>> rows = ticketsOf(desk);
		assertThat(rows).hasSize(1);
		return (String) rows.get(0).get("NUMBER");
	}

	/** The conversation after the description (which is the first entry). */
	List<EntryView> replies(String number) {
		List<EntryView> all = tickets.entries(d.agent1().principal(), number);
		return all.subList(1, all.size());
	}

	List<String> outcomes(long mailboxId) {
		return jdbc.queryForList("select outcome from intake_mail where mailbox_id = ? order by uid", String.class,
				mailboxId);
	}

	static void send(String from, String to, String cc, String subject, String text, Map<String, String> headers)
			throws Exception {
		Properties props = new Properties();
		props.put("mail.smtp.host", "localhost");
		props.put("mail.smtp.port", "3025");
		Session session = Session.getInstance(props);
		String messageId = headers.getOrDefault("Message-ID", "<" + java.util.UUID.randomUUID() + "@test.example>");
		MimeMessage m = new MimeMessage(session) {
			@Override
			protected void updateMessageID() throws jakarta.mail.MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		m.setFrom(new InternetAddress(from));
		m.setRecipients(Message.RecipientType.TO, to);
		if (cc != null) {
			m.setRecipients(Message.RecipientType.CC, cc);
		}
		m.setSubject(subject, "UTF-8");
		m.setText(text, "UTF-8");
		for (var h : headers.entrySet()) {
			if (!h.getKey().equals("Message-ID")) {
				m.setHeader(h.getKey(), h.getValue());
			}
		}
		Transport.send(m);
	}

	static List<Boolean> seenFlags(String address) throws Exception {
		Store store = Session.getInstance(new Properties()).getStore("imap");
		store.connect("localhost", 3143, address, PASSWORD);
		try {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_ONLY);
			return Arrays.stream(inbox.getMessages()).map(m -> {
				try {
					return m.isSet(Flags.Flag.SEEN);
				}
				catch (jakarta.mail.MessagingException e) {
					throw new IllegalStateException(e);
				}
			}).toList();
		}
		finally {
			store.close();
		}
	}

	static List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(TestMailServer.get().getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
			}
			catch (jakarta.mail.MessagingException e) {
				return false;
			}
		}).toList();
	}

	static MimeMessage awaitMailTo(String address, String subjectPart) {
		return await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(address).stream().filter(m -> {
			try {
				return m.getSubject() != null && m.getSubject().contains(subjectPart);
			}
			catch (jakarta.mail.MessagingException e) {
				return false;
			}
		}).findFirst().orElse(null), m -> m != null);
	}

	static String body(MimeMessage m) {
		try {
			return String.valueOf(m.getContent());
		}
		catch (Exception e) {
			return "";
		}
	}
}
