package org.tierdesk.intake;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.tierdesk.ticket.Channel;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Reads the programs' mailboxes over IMAP. Every few seconds each enabled mailbox is polled on its own worker (one
 * slow or broken mailbox never holds up the others), by the one instance holding its lease in the database; an
 * instance that dies stops renewing, and another takes the mailbox over once the lease runs out.
 * <p>
 * Each message above the mailbox's read mark is taken in (its own transaction, with its mail record), and only
 * after that commits is it flagged {@code \Seen} (and moved, where a processed folder is set) on the server; the
 * read mark moves last. A crash anywhere in between means the message is read again and found in the mail records:
 * it is flagged then, and no second ticket is made. When the database cannot be reached, the poll stops where it is:
 * nothing is flagged, moved or lost.
 */
@Component
class MailboxPoller implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);


	private final MailboxRepository mailboxes;

	private final EndpointRepository endpoints;

	private final MailIntake intake;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Duration lease;

	private final String instance;

	private final ExecutorService workers;

	private final Set<Long> running = ConcurrentHashMap.newKeySet();

	/** Takes messages in, several at once (waiting on the database, mostly). */
	private final ExecutorService takers;

	/** Messages read from the server in one command, taken in, then flagged together. */
	private final int chunkSize;

	/** How long a scheduled poll stays in IMAP IDLE (0: poll only). */
	private final Duration idleFor;

	private final io.micrometer.core.instrument.Timer readTimer;

	private final io.micrometer.core.instrument.Timer takeTimer;

	private final io.micrometer.core.instrument.Timer flagTimer;

	/** Fault injection for tests: runs before each message is taken in (a database outage, say). */
	volatile LongConsumer beforeTake = uid -> {
	};

	/** Fault injection for tests: runs after each message's transaction committed, before it is flagged. */
	volatile LongConsumer afterCommit = uid -> {
	};

	MailboxPoller(MailboxRepository mailboxes, EndpointRepository endpoints, MailIntake intake,
			PlatformTransactionManager transactions, Clock clock,
			@Value("${tierdesk.mail.lease:60s}") Duration lease,
			@Value("${tierdesk.mail.parallel-takes:6}") int parallelTakes,
			@Value("${tierdesk.mail.chunk:50}") int chunkSize, io.micrometer.core.instrument.MeterRegistry meters,
			@Value("${tierdesk.mail.idle:5m}") Duration idleFor) {
		this.chunkSize = Math.max(1, chunkSize);
		this.idleFor = idleFor;
		this.readTimer = io.micrometer.core.instrument.Timer.builder("tierdesk.mail.chunk.read")
			.description("reading one chunk of messages from the IMAP server").register(meters);
		this.takeTimer = io.micrometer.core.instrument.Timer.builder("tierdesk.mail.chunk.take")
			.description("taking one chunk of messages in (tickets committed)").register(meters);
		this.flagTimer = io.micrometer.core.instrument.Timer.builder("tierdesk.mail.chunk.flag")
			.description("flagging (and moving) one chunk's messages on the IMAP server").register(meters);
		this.takers = Executors.newFixedThreadPool(Math.max(1, parallelTakes), daemons("mail-taker-"));
		this.mailboxes = mailboxes;
		this.endpoints = endpoints;
		this.intake = intake;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
		this.lease = lease;
		this.instance = UUID.randomUUID().toString();
		// a mailbox in IDLE holds its worker: one worker per mailbox being polled
		this.workers = Executors.newCachedThreadPool(daemons("mailbox-poller-"));
	}

	String instance() {
		return instance;
	}

	@Scheduled(fixedDelayString = "${tierdesk.mail.poll-interval:30s}", initialDelayString = "${tierdesk.mail.poll-interval:30s}")
	void pollAll() {
		List<Long> ids;
		try {
			ids = mailboxes.enabledIds();
		}
		catch (DataAccessException e) {
			log.warn("Mail polling paused: the database cannot be reached ({})", e.getMostSpecificCause().toString());
			return;
		}
		for (Long id : ids) {
			if (running.add(id)) {
				workers.submit(() -> {
					try {
						poll(id, instance, idleFor);
					}
					catch (RuntimeException e) {
						log.warn("Polling mailbox {} failed: {}", id, e.toString());
					}
					finally {
						running.remove(id);
					}
				});
			}
		}
	}

	/** How long one IDLE lasts at most before the lease is renewed (well inside the lease). */
	private static final long IDLE_SLICE_MILLIS = 20_000;

	private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
			daemons("mailbox-idle-watchdog-"));

	static ThreadFactory daemons(String prefix) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
		threads.setDaemon(true);
		return threads;
	}

	/** Waits in IMAP IDLE until the server announces a change, or {@code millis} pass (then IDLE is broken off). */
	private void idle(IMAPFolder folder, long millis) throws MessagingException {
		if (millis <= 0) {
			return;
		}
		// any other command on the folder ends the IDLE: a NOOP after the slice
		ScheduledFuture<?> wake = watchdog.schedule(() -> {
			try {
				folder.getMessageCount();
			}
			catch (MessagingException | RuntimeException ignored) {
				// the poll ends on the connection's own error
			}
		}, millis, TimeUnit.MILLISECONDS);
		try {
			folder.idle(true);
		}
		finally {
			wake.cancel(false);
		}
	}

	/** The result of one poll. */
	record Poll(boolean leased, int taken, int flagged, String error) {
	}

	/** Polls one mailbox as instance {@code owner}, if that instance holds (or can take) its lease. */
	Poll poll(long mailboxId, String owner) {
		return poll(mailboxId, owner, Duration.ZERO);
	}

	/**
	 * Polls one mailbox and then, where the server offers IMAP IDLE, stays connected for up to {@code idleFor},
	 * taking new mail in as soon as the server announces it (the lease renewed at every wake-up).
	 */
	Poll poll(long mailboxId, String owner, Duration idleFor) {
		if (!claim(mailboxId, owner)) {
			return new Poll(false, 0, 0, null);
		}
		Mailbox mb = mailboxes.findById(mailboxId).orElseThrow();
		Set<String> own = ownAddresses(mb.programId());
		Tally tally = new Tally();
		String error = null;
		Store store = null;
		Folder folder = null;
		try {
			Session session = Session.getInstance(properties(mb));
			store = session.getStore(mb.secure() ? "imaps" : "imap");
			store.connect(mb.host(), mb.port(), mb.username(), mb.password());
			folder = store.getFolder(mb.folder());
			folder.open(Folder.READ_WRITE);
			UIDFolder uids = (UIDFolder) folder;
			long validity = uids.getUIDValidity();
			tally.done = mb.uidValidity() != null && mb.uidValidity() == validity ? mb.lastDoneUid() : 0;
			long idleUntil = System.nanoTime() + idleFor.toNanos();
			boolean idles = !idleFor.isZero() && store instanceof IMAPStore imap && imap.hasCapability("IDLE");
			while (true) {
				takeNew(folder, mb, owner, validity, tally, own);
				if (!idles || System.nanoTime() >= idleUntil) {
					break;
				}
				recordPoll(mailboxId, null);
				idle((IMAPFolder) folder, Math.min(IDLE_SLICE_MILLIS, (idleUntil - System.nanoTime()) / 1_000_000));
				if (!claim(mailboxId, owner)) {
					break; // the lease went to another instance
				}
			}
		}
		catch (DataAccessException | TransactionException e) {
			error = "paused: the database cannot be reached (" + e.getMostSpecificCause() + ")";
			log.warn("Mailbox {}: {}", mailboxId, error);
		}
		catch (MessagingException | RuntimeException e) {
			error = e.toString();
			log.warn("Mailbox {} could not be read: {}", mailboxId, error);
		}
		finally {
			close(folder, store);
			recordPoll(mailboxId, error);
		}
		return new Poll(true, tally.taken, tally.flagged, error);
	}

	/** How far a poll got: the read mark, and what it took in and flagged (kept when a pass stops part-way). */
	private static final class Tally {

		long done;

		int taken;

		int flagged;
	}

	/**
	 * Takes in every message above the read mark, chunk by chunk; each chunk is flagged once what it committed, then
	 * the read mark moves. The server is read (and flagged) by this thread while the takers work on the chunk before.
	 */
	private void takeNew(Folder folder, Mailbox mb, String owner, long validity, Tally tally, Set<String> own)
			throws MessagingException {
		UIDFolder uids = (UIDFolder) folder;
		Message[] pending = uids.getMessagesByUID(tally.done + 1, UIDFolder.LASTUID);
		FetchProfile profile = new FetchProfile();
		profile.add(UIDFolder.FetchProfileItem.UID);
		profile.add(FetchProfile.Item.SIZE);
		folder.fetch(pending, profile);
		List<Message> above = new ArrayList<>();
		for (Message m : pending) {
			if (m != null && uids.getUID(m) > tally.done) {
				above.add(m);
			}
		}
		List<List<Message>> chunks = new ArrayList<>();
		for (int from = 0; from < above.size(); from += chunkSize) {
			chunks.add(above.subList(from, Math.min(above.size(), from + chunkSize)));
		}
		Read next = chunks.isEmpty() ? null : read(folder, uids, mb, validity, chunks.get(0));
		for (int i = 0; i < chunks.size(); i++) {
			Taking current = submit(next, mb, validity, own);
			next = i + 1 < chunks.size() ? read(folder, uids, mb, validity, chunks.get(i + 1)) : null;
			Chunk result = current.await();
			tally.taken += result.taken();
			if (!result.finished().isEmpty()) {
				// what committed is flagged even when the chunk stopped part-way
				long flagging = System.nanoTime();
				tally.flagged += markOnServer(folder, mb, result.finished());
				flagTimer.record(System.nanoTime() - flagging, TimeUnit.NANOSECONDS);
			}
			if (result.readTo() > tally.done) {
				if (!advance(mb.id(), owner, validity, result.readTo())) {
					throw new IllegalStateException("the lease on mailbox " + mb.id() + " was lost");
				}
				tally.done = result.readTo();
			}
			if (result.failure() != null) {
				throw result.failure();
			}
		}
	}

	/** What one chunk came to: messages finished (taken now or before), how far the mark may move, a failure. */
	private record Chunk(List<Message> finished, long readTo, int taken, RuntimeException failure) {
	}

	private static final class Item {

		final Message message;

		final long uid;

		final byte[] raw;

		volatile boolean done;

		Item(Message message, long uid, byte[] raw, boolean done) {
			this.message = message;
			this.uid = uid;
			this.raw = raw;
			this.done = done;
		}
	}

	/** A chunk read from the server: its messages, and those not taken in before grouped by sender. */
	private record Read(List<Item> items, java.util.Collection<List<Item>> groups) {
	}

	/** A chunk being taken in by the takers. */
	private final class Taking {

		final Read read;

		final List<Future<?>> work;

		final AtomicInteger count;

		final long started;

		Taking(Read read, List<Future<?>> work, AtomicInteger count,
				long started) {
			this.read = read;
			this.work = work;
			this.count = count;
			this.started = started;
		}

		Chunk await() {
			RuntimeException failure = null;
			for (Future<?> f : work) {
				try {
					f.get();
				}
				catch (ExecutionException e) {
					if (failure == null) {
						failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
					}
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					failure = new IllegalStateException("interrupted", e);
				}
			}
			takeTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			List<Message> finished = new ArrayList<>();
			long readTo = -1;
			boolean contiguous = true;
			for (Item item : read.items()) {
				if (item.done) {
					finished.add(item.message);
					if (contiguous) {
						readTo = item.uid;
					}
				}
				else {
					contiguous = false;
				}
			}
			return new Chunk(finished, readTo, count.get(), failure);
		}
	}

	/** Reads a chunk from the server in one go, and finds which of its messages were taken in before. */
	private Read read(Folder folder, UIDFolder uids, Mailbox mb, long validity, List<Message> chunk)
			throws MessagingException {
		long reading = System.nanoTime();
		prefetch(folder, chunk);
		List<Long> chunkUids = new ArrayList<>();
		for (Message m : chunk) {
			chunkUids.add(uids.getUID(m));
		}
		Set<Long> before = intake.alreadyTaken(mb.id(), validity, chunkUids);
		List<Item> items = new ArrayList<>();
		Map<String, List<Item>> bySender = new LinkedHashMap<>();
		for (int i = 0; i < chunk.size(); i++) {
			long uid = chunkUids.get(i);
			boolean taken = before.contains(uid);
			Item item = new Item(chunk.get(i), uid, taken ? null : raw(chunk.get(i)), taken);
			items.add(item);
			if (!taken) {
				bySender.computeIfAbsent(MailParser.senderKey(item.raw), k -> new ArrayList<>()).add(item);
			}
		}
		readTimer.record(System.nanoTime() - reading, TimeUnit.NANOSECONDS);
		return new Read(items, bySender.values());
	}

	/**
	 * Hands a chunk to the takers: several messages at once, each sender's in order by one taker, so a sender's
	 * follow-ups never overtake their first message.
	 */
	private Taking submit(Read read, Mailbox mb, long validity, Set<String> own) {
		AtomicInteger count = new AtomicInteger();
		List<Future<?>> work = new ArrayList<>();
		for (List<Item> group : read.groups()) {
			work.add(takers.submit(() -> {
				for (Item item : group) {
					MailIntake.Source source = new MailIntake.Source(mb.id(), mb.programId(), validity, item.uid);
					beforeTake.accept(item.uid);
					intake.take(source, item.raw, own);
					count.incrementAndGet();
					afterCommit.accept(item.uid);
					item.done = true;
				}
				return null;
			}));
		}
		return new Taking(read, work, count, System.nanoTime());
	}

	private boolean claim(long mailboxId, String owner) {
		Integer n = tx.execute(s -> mailboxes.claim(mailboxId, owner, clock.instant().plus(lease), clock.instant()));
		return n != null && n == 1;
	}

	/** Gives the lease up (an instance shutting down cleanly). */
	void release(long mailboxId, String owner) {
		tx.executeWithoutResult(s -> mailboxes.release(mailboxId, owner));
	}

	private boolean advance(long mailboxId, String owner, long validity, long uid) {
		Integer n = tx.execute(s -> {
			int moved = mailboxes.markDone(mailboxId, owner, validity, uid);
			mailboxes.claim(mailboxId, owner, clock.instant().plus(lease), clock.instant());
			return moved;
		});
		return n != null && n == 1;
	}

	private void recordPoll(long mailboxId, String error) {
		try {
			tx.executeWithoutResult(s -> mailboxes.polled(mailboxId, clock.instant(), Receipt.clip(error, 2000)));
		}
		catch (RuntimeException e) {
			log.debug("could not record the poll of mailbox {}", mailboxId, e);
		}
	}

	private int markOnServer(Folder folder, Mailbox mb, List<Message> done) throws MessagingException {
		Message[] messages = done.toArray(Message[]::new);
		folder.setFlags(messages, new Flags(Flags.Flag.SEEN), true);
		if (mb.processedFolder() != null) {
			Folder target = folder.getStore().getFolder(mb.processedFolder());
			if (!target.exists()) {
				target.create(Folder.HOLDS_MESSAGES);
			}
			folder.copyMessages(messages, target);
			folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
			folder.expunge();
		}
		return messages.length;
	}

	/** Fetches a chunk's messages whole, in one command, instead of one command per message. */
	private static void prefetch(Folder folder, List<Message> chunk) throws MessagingException {
		FetchProfile whole = new FetchProfile();
		whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
		folder.fetch(chunk.toArray(Message[]::new), whole);
	}

	private static byte[] raw(Message m) throws MessagingException {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, m.getSize()));
			m.writeTo(out);
			return out.toByteArray();
		}
		catch (java.io.IOException e) {
			throw new MessagingException("could not read message", e);
		}
	}

	private Set<String> ownAddresses(long programId) {
		Set<String> own = new HashSet<>();
		endpoints.findByProgramIdAndChannel(programId, Channel.EMAIL).forEach(e -> own.add(e.address()));
		return own;
	}

	private static Properties properties(Mailbox mb) {
		String p = mb.secure() ? "mail.imaps." : "mail.imap.";
		Properties props = new Properties();
		props.put(p + "connectiontimeout", "10000");
		props.put(p + "timeout", "30000");
		props.put(p + "writetimeout", "30000");
		props.put(p + "peek", "true");
		props.put(p + "fetchsize", String.valueOf(1 << 20));
		return props;
	}

	private static void close(Folder folder, Store store) {
		try {
			if (folder != null && folder.isOpen()) {
				folder.close(false);
			}
		}
		catch (MessagingException | RuntimeException ignored) {
			// the connection is gone either way
		}
		try {
			if (store != null) {
				store.close();
			}
		}
		catch (MessagingException | RuntimeException ignored) {
			// likewise
		}
	}

	@Override
	public void destroy() {
		workers.shutdownNow();
		takers.shutdownNow();
		watchdog.shutdownNow();
		try {
			for (Long id : mailboxes.enabledIds()) {
				release(id, instance);
			}
		}
		catch (RuntimeException e) {
			// the leases run out by themselves
		}
	}
}
