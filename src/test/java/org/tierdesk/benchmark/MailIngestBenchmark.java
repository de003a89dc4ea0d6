package org.tierdesk.benchmark;

import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tierdesk.TierdeskApplication;
import org.tierdesk.directory.SupportGroups;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.NewAccount;
import org.tierdesk.intake.Channels;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.program.Programs.ProgramSettings;
import org.tierdesk.support.PostgresForTests;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.Role;
import org.tierdesk.ticket.Channel;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Mail intake under load, on PostgreSQL: 10,000 messages (from 500 known customers) waiting in one IMAP mailbox of a
 * real IMAP server (GreenMail, in process), taken in by the running application's pollers with exactly-once
 * recording, each becoming a ticket (and an acknowledgement through the outbox). Beside it, a second mailbox with
 * 200 messages, one whose server accepts connections and never answers (slow) and one whose server is down
 * (broken): the second mailbox must be done long before the big one, whatever the slow and broken ones do.
 * Reports messages/s, and duplicates (tickets beyond one per message; must be 0), then polls everything again and
 * checks that nothing new appears. Run: {@code ./mvnw -Pbenchmark verify -Djmh.args="MailIngestBenchmark"}. GreenMail's
 * IMAP server looks every message up by a scan of the whole folder, so at 10,000 messages it measures itself; with
 * a real server, pass {@code -jvmArgsAppend -Dtierdesk.bench.maildir=ROOT -jvmArgsAppend -Dtierdesk.bench.imap-port=N}
 * (a Dovecot serving {@code maildir:ROOT/%u} with any password; see docs/benchmark.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class MailIngestBenchmark {

	static final int MESSAGES = Integer.getInteger("tierdesk.bench.mails", 10_000);

	static final int SIDE = 200;

	/** An external IMAP server's maildir root (e.g. Dovecot with {@code mail_location = maildir:ROOT/%u}), if used. */
	static final String MAILDIR = System.getProperty("tierdesk.bench.maildir");

	static final int IMAP_PORT = Integer.getInteger("tierdesk.bench.imap-port", 3993);

	EmbeddedPostgres postgres;

	GreenMail imap;

	ServerSocket silent;

	ConfigurableApplicationContext app;

	JdbcTemplate jdbc;

	long programId;

	long mainBox;

	long sideBox;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		postgres = PostgresForTests.durable().setServerConfig("max_connections", "100").start();
		imap = new GreenMail(new ServerSetup[] { new ServerSetup(3993, "127.0.0.1", "imap"),
				new ServerSetup(3995, "127.0.0.1", "smtp") });
		imap.start();
		silent = new ServerSocket(3994);
		Thread holder = new Thread(() -> {
			List<Socket> held = new ArrayList<>();
			while (!silent.isClosed()) {
				try {
					held.add(silent.accept()); // accepts, never says a word
				}
				catch (java.io.IOException e) {
					return;
				}
			}
		});
		holder.setDaemon(true);
		holder.start();
		app = new SpringApplicationBuilder(TierdeskApplication.class).initializers(new ProductionBeansOnly()).run(
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				"--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
				"--logging.level.org.tierdesk=WARN", "--tierdesk.security.admin-password=bench-admin-pw",
				"--tierdesk.mail.poll-interval=500ms", "--spring.mail.host=127.0.0.1", "--spring.mail.port=3995",
				"--tierdesk.data-dir=target/bench-mail-data",
				"--spring.jpa.properties.hibernate.generate_statistics=" + Boolean.getBoolean("tierdesk.bench.statistics"));
		ProductionBeansOnly.check(app);
		jdbc = app.getBean(JdbcTemplate.class);
		Program program = app.getBean(Programs.class).create("MAILS", new ProgramSettings("Mail load", "UTC", null,
				false, 5));
		programId = program.id();
		app.getBean(SupportGroups.class).create(program.id(), "Desk", 1, null, null);
		Accounts accounts = app.getBean(Accounts.class);
		DeskPrincipal admin = accounts.findByUsername("admin").orElseThrow().principal();
		for (int i = 0; i < 500; i++) {
			accounts.create(new NewAccount("sender" + i, "Sender " + i, "sender" + i + "@fleet.example", null, "Fleet",
					null, null, EnumSet.of(Role.CUSTOMER), Set.of(program.id())));
		}
		Channels channels = app.getBean(Channels.class);
		Session session = Session.getInstance(new Properties());
		GreenMailUser main = imap.setUser("help@desk.example", "help@desk.example", "pw");
		GreenMailUser side = imap.setUser("side@desk.example", "side@desk.example", "pw");
		long prepared = System.nanoTime();
		if (MAILDIR != null) {
			// start from empty mailboxes: a previous run's messages (and the server's index of them) would be read
			// again, and a rewritten file under a cached name makes Dovecot drop the connection
			for (String user : List.of("help@desk.example", "side@desk.example")) {
				java.nio.file.Path box = java.nio.file.Path.of(MAILDIR, user);
				if (java.nio.file.Files.exists(box)) {
					try (var files = java.nio.file.Files.walk(box)) {
						for (java.nio.file.Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
							java.nio.file.Files.delete(f);
						}
					}
				}
			}
		}
		for (int i = 0; i < MESSAGES + SIDE; i++) {
			boolean toMain = i < MESSAGES;
			MimeMessage m = new MimeMessage(session);
			m.setFrom(new InternetAddress("sender" + (i % 500) + "@fleet.example"));
			m.setRecipients(jakarta.mail.Message.RecipientType.TO, i < MESSAGES ? "help@desk.example" : "side@desk.example");
			m.setSubject("Problem number " + i);
			m.setText("Something is broken on console " + i + ".\nIt started this morning.\n");
			m.setHeader("Message-ID", "<bench-" + i + "@fleet.example>");
			m.saveChanges();
			if (MAILDIR == null) {
				(toMain ? main : side).deliver(m);
			}
			else {
				java.nio.file.Path box = java.nio.file.Path.of(MAILDIR, toMain ? "help@desk.example" : "side@desk.example");
				for (String sub : List.of("cur", "new", "tmp")) {
					java.nio.file.Files.createDirectories(box.resolve(sub));
					// the IMAP server runs as its own user: it moves messages and writes its index here
					for (java.nio.file.Path dir : List.of(box, box.resolve(sub))) {
						java.nio.file.Files.setPosixFilePermissions(dir,
								java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
					}
				}
				try (var out = java.nio.file.Files.newOutputStream(box.resolve("new").resolve("bench." + i + ".eml"))) {
					m.writeTo(out);
				}
			}
		}
		System.out.printf("%n%d + %d messages in the mailboxes in %.1f s%n", MESSAGES, SIDE,
				(System.nanoTime() - prepared) / 1e9);
		channels.addEndpoint(admin, "MAILS", Channel.EMAIL, "help@desk.example");
		channels.addEndpoint(admin, "MAILS", Channel.EMAIL, "side@desk.example");
		channels.saveMailbox(admin, "MAILS", new Channels.MailboxForm("slow", "127.0.0.1", 3994, false, "slow", "pw",
				null, null, true));
		channels.saveMailbox(admin, "MAILS", new Channels.MailboxForm("broken", "127.0.0.1", 3996, false, "broken",
				"pw", null, null, true));
		sideBox = channels.saveMailbox(admin, "MAILS", new Channels.MailboxForm("side", "127.0.0.1", IMAP_PORT, false,
				"side@desk.example", "pw", null, null, true)).id();
		mainBox = channels.saveMailbox(admin, "MAILS", new Channels.MailboxForm("main", "127.0.0.1", IMAP_PORT, false,
				"help@desk.example", "pw", null, null, true)).id();
	}

	long taken(long mailbox) {
		return jdbc.queryForObject("select count(*) from intake_mail where mailbox_id = ?", Long.class, mailbox);
	}

	/** Waits until every message of both real mailboxes is taken in. */
	@Benchmark
	public long ingestAll() throws InterruptedException {
		long started = System.nanoTime();
		long sideDone = -1;
		long deadline = started + TimeUnit.MINUTES.toNanos(20);
		while (System.nanoTime() < deadline) {
			long main = taken(mainBox);
			long side = taken(sideBox);
			if (sideDone < 0 && side >= SIDE) {
				sideDone = System.nanoTime();
				System.out.printf("%nside mailbox (%d messages) done after %.1f s, main at %d%n", SIDE,
						(sideDone - started) / 1e9, main);
			}
			if (main >= MESSAGES && side >= SIDE) {
				break;
			}
			Thread.sleep(100);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		long total = taken(mainBox) + taken(sideBox);
		System.out.printf("%n%d messages taken in %.1f s: %.0f messages/s (including the first poll's delay)%n", total,
				seconds, total / seconds);
		// the listeners (routing, clocks, timers, reports, acknowledgements) run after each commit: how far behind
		// are they, and what rate does the desk sustain with their work done too?
		var pending = app.getBean(io.micrometer.core.instrument.MeterRegistry.class).get("tierdesk.listeners.pending")
			.gauge();
		double backlog = pending.value();
		long drainStarted = System.nanoTime();
		while (pending.value() > 0 && System.nanoTime() - drainStarted < TimeUnit.MINUTES.toNanos(10)) {
			Thread.sleep(250);
		}
		double drained = (System.nanoTime() - drainStarted) / 1e9;
		System.out.printf("listener backlog when the last message was taken: %.0f events, drained in %.1f s: "
				+ "%.0f messages/s with all their listeners' work done%n", backlog, drained,
				total / (seconds + drained));
		return total;
	}

	@TearDown(Level.Trial)
	public void report() throws Exception {
		Thread.sleep(3000); // two more polls of every mailbox: nothing new may appear
		long tickets = jdbc.queryForObject("select count(*) from ticket where program_id = ?", Long.class, programId);
		long records = jdbc.queryForObject("select count(*) from intake_mail", Long.class);
		long distinct = jdbc.queryForObject("select count(distinct dedupe_key) from intake_receipt where program_id = ?",
				Long.class, programId);
		List<String> errors = jdbc.queryForList("select name || ': ' || coalesce(last_error, 'ok') from intake_mailbox "
				+ "order by name", String.class);
		System.out.printf("tickets %d, mail records %d, distinct messages %d -> duplicates %d%n", tickets, records,
				distinct, tickets - distinct);
		errors.forEach(e -> System.out.println("mailbox " + e));
		if (Boolean.getBoolean("tierdesk.bench.statistics")) {
			var stats = app.getBean(jakarta.persistence.EntityManagerFactory.class)
				.unwrap(org.hibernate.SessionFactory.class).getStatistics();
			System.out.printf("statements prepared %d (%.1f per message), transactions %d, entities inserted %d%n",
					stats.getPrepareStatementCount(), stats.getPrepareStatementCount() / (double) records,
					stats.getTransactionCount(), stats.getEntityInsertCount());
		}
		var meters = app.getBean(io.micrometer.core.instrument.MeterRegistry.class);
		for (String phase : List.of("read", "take", "flag")) {
			var t = meters.find("tierdesk.mail.chunk." + phase).timer();
			if (t != null) {
				System.out.printf("chunk %s: %d chunks, total %.1f s, mean %.0f ms, max %.0f ms%n", phase, t.count(),
						t.totalTime(TimeUnit.SECONDS), t.mean(TimeUnit.MILLISECONDS), t.max(TimeUnit.MILLISECONDS));
			}
		}
		app.close();
		imap.stop();
		silent.close();
		postgres.close();
	}
}
