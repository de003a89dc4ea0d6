package org.tierdesk.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A listener like the modules' own, for a {@link Poke} only tests publish, that can fail in its body or at its commit;
 * and a witness of every commit and the thread it ran on (Spring Boot hands it to the transaction manager), so a test
 * can count the transactions one event cost.
 */
@Component
public class ListenerTransactionProbe implements TransactionExecutionListener {

	/** What a test publishes: {@code failure} is "none", "body" (the listener throws) or "commit" (its commit fails). */
	public record Poke(String key, String failure) {
	}

	private final Map<String, String> handledOn = new ConcurrentHashMap<>();

	private final List<String> commitThreads = new CopyOnWriteArrayList<>();

	@ApplicationModuleListener
	void on(Poke poke) {
		handledOn.put(poke.key(), Thread.currentThread().getName());
		if (poke.failure().equals("body")) {
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
		}
	}

	public String handledOn(String key) {
		return handledOn.get(key);
	}

	public void forgetCommits() {
		commitThreads.clear();
	}

	public long commitsOn(String thread) {
		return commitThreads.stream().filter(thread::equals).count();
	}
}
