package org.tierdesk.intake;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
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

	private static final int CHUNK = 50;

	private final MailboxRepository mailboxes;

	private final EndpointRepository endpoints;

	private final MailIntake intake;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Duration lease;

	private final String instance;

	private final ExecutorService workers;

	private final Set<Long> running = ConcurrentHashMap.newKeySet();

	/** Fault injection for tests: runs before each message is taken in (a database outage, say). */
	volatile LongConsumer beforeTake = uid -> {
	};

	/** Fault injection for tests: runs after each message's transaction committed, before it is flagged. */
	volatile LongConsumer afterCommit = uid -> {
	};

	MailboxPoller(MailboxRepository mailboxes, EndpointRepository endpoints, MailIntake intake,
			PlatformTransactionManager transactions, Clock clock,
			@Value("${tierdesk.mail.lease:60s}") Duration lease,
			@Value("${tierdesk.mail.workers:8}") int workers) {
		this.mailboxes = mailboxes;
		this.endpoints = endpoints;
		this.intake = intake;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
		this.lease = lease;
		this.instance = UUID.randomUUID().toString();
		this.workers = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
			Thread t = new Thread(r, "mailbox-poller");
			t.setDaemon(true);
			return t;
		});
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
						poll(id, instance);
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

	/** The result of one poll. */
	record Poll(boolean leased, int taken, int flagged, String error) {
	}

	/** Polls one mailbox as instance {@code owner}, if that instance holds (or can take) its lease. */
	Poll poll(long mailboxId, String owner) {
		if (!claim(mailboxId, owner)) {
			return new Poll(false, 0, 0, null);
		}
		Mailbox mb = mailboxes.findById(mailboxId).orElseThrow();
		Set<String> own = ownAddresses(mb.programId());
		int taken = 0;
		int flagged = 0;
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
			long done = mb.uidValidity() != null && mb.uidValidity() == validity ? mb.lastDoneUid() : 0;
			Message[] pending = uids.getMessagesByUID(done + 1, UIDFolder.LASTUID);
			FetchProfile profile = new FetchProfile();
			profile.add(UIDFolder.FetchProfileItem.UID);
			profile.add(FetchProfile.Item.SIZE);
			folder.fetch(pending, profile);
			List<Message> above = new ArrayList<>();
			for (Message m : pending) {
				if (m != null && uids.getUID(m) > done) {
					above.add(m);
				}
			}
			for (int from = 0; from < above.size(); from += CHUNK) {
				List<Message> chunk = above.subList(from, Math.min(above.size(), from + CHUNK));
				List<Message> finished = new ArrayList<>();
				long highest = done;
				try {
					for (Message m : chunk) {
						long uid = uids.getUID(m);
						MailIntake.Source source = new MailIntake.Source(mb.id(), mb.programId(), validity, uid);
						if (!intake.alreadyTaken(source)) {
							beforeTake.accept(uid);
							intake.take(source, raw(m), own);
							taken++;
							afterCommit.accept(uid);
						}
						finished.add(m);
						highest = uid;
					}
				}
				finally {
					// what committed is flagged even when the chunk stopped part-way
					if (!finished.isEmpty()) {
						flagged += markOnServer(folder, mb, finished);
						if (!advance(mb.id(), owner, validity, highest)) {
							throw new IllegalStateException("the lease on mailbox " + mb.id() + " was lost");
						}
						done = highest;
					}
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
		return new Poll(true, taken, flagged, error);
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
