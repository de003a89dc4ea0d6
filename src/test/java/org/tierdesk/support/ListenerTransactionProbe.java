package org.tierdesk.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tierdesk.system.RetriedOnCollision;

/**
 * A listener like the modules' own, for a {@link Poke} only tests publish, that can fail in its body or at its commit;
 * and a witness of every commit and the thread it ran on (Spring Boot hands it to the transaction manager), so a test
 * can count the transactions one event cost.
 */
@Component
public class ListenerTransactionProbe implements TransactionExecutionListener {

	/**
	 * What a test publishes: {@code failure} is "none", "body" (the listener throws), "commit" (its commit fails) or
	 * "collision-once" (its first attempt collides with another transaction); "commit-mode" makes it note its
	 * transaction's {@code synchronous_commit} (PostgreSQL only); "status" makes it note the status its own
	 * publication has in its transaction; "once" makes it fail in its body the first time only; "hold" makes it wait
	 * (at most 30 seconds) until the test {@linkplain #release(String) releases} it.
	 */
	public record Poke(String key, String failure) {
	}

	private final Map<String, String> handledOn = new ConcurrentHashMap<>();

	private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

	private final Map<String, String> commitModes = new ConcurrentHashMap<>();

	private final Map<String, String> publicationStatuses = new ConcurrentHashMap<>();

	private final Map<String, java.util.concurrent.CountDownLatch> holds = new ConcurrentHashMap<>();

	private final JdbcTemplate jdbc;

	public ListenerTransactionProbe(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	private final List<String> commitThreads = new CopyOnWriteArrayList<>();

	private final List<String> committedTransactions = new CopyOnWriteArrayList<>();

	@ApplicationModuleListener
	@RetriedOnCollision
	void on(Poke poke) {
		handledOn.put(poke.key(), Thread.currentThread().getName());
		int attempt = attempts.merge(poke.key(), 1, Integer::sum);
		if (poke.failure().equals("collision-once") && attempt == 1) {
			throw new OptimisticLockingFailureException("another transaction changed the same rows");
		}
		if (poke.failure().equals("hold")) {
			try {
				holds.computeIfAbsent(poke.key(), k -> new java.util.concurrent.CountDownLatch(1))
					.await(30, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		if (poke.failure().equals("commit-mode")) {
			commitModes.put(poke.key(), jdbc.queryForObject("select current_setting('synchronous_commit')", String.class));
		}
		if (poke.failure().equals("status")) {
			publicationStatuses.put(poke.key(), String.valueOf(jdbc.queryForObject(
					"select status from event_publication where serialized_event like ?", String.class,
					"%" + poke.key() + "%")));
		}
		if (poke.failure().equals("body") || (poke.failure().equals("once") && attempt == 1)) {
			throw new IllegalStateException("the probe fails, as asked");
		}
		if (poke.failure().equals("commit")) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					throw new IllegalStateException("the probe's commit fails, as asked");
				}
			});
		}
	}

	@Override
	public void afterCommit(TransactionExecution transaction, Throwable failure) {
		if (failure == null) {
			commitThreads.add(Thread.currentThread().getName());
			committedTransactions.add(String.valueOf(transaction.getTransactionName()));
		}
	}

	/** Lets a listener held on {@code key} go on. */
	public void release(String key) {
		holds.computeIfAbsent(key, k -> new java.util.concurrent.CountDownLatch(1)).countDown();
	}

	public String handledOn(String key) {
		return handledOn.get(key);
	}

	public String commitMode(String key) {
		return commitModes.get(key);
	}

	/** The status the listener saw on its own publication, in its own transaction. */
	public String publicationStatus(String key) {
		return publicationStatuses.get(key);
	}

	public int attempts(String key) {
		return attempts.getOrDefault(key, 0);
	}

	/** The names of the transactions committed since {@link #forgetCommits()} (a listener's: Class.method). */
	public List<String> committedTransactions() {
		return List.copyOf(committedTransactions);
	}

	public void forgetCommits() {
		commitThreads.clear();
		committedTransactions.clear();
	}

	public long commitsOn(String thread) {
		return commitThreads.stream().filter(thread::equals).count();
	}
}
