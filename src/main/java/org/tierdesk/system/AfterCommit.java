package org.tierdesk.system;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Forgetting a cached value when what it was computed from changes: at once, and again when the change ends. */
public final class AfterCommit {

	private AfterCommit() {
	}

	/**
	 * Runs {@code forget} now and again when the current transaction completes (committed or not), so a reader that
	 * cached the old rows between the change and its commit does not keep them.
	 */
	public static void forgetNowAndAtEnd(Runnable forget) {
		forget.run();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					forget.run();
				}
			});
		}
	}
}
