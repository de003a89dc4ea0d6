package org.tierdesk.system;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Work that derives something from a ticket in its own transaction (a listener's) may collide with another
 * transaction changing the same rows at the same moment; it is then simply done again, on fresh data, a few times.
 */
public final class Collisions {

	static final int ATTEMPTS = 5;

	private Collisions() {
	}

	/** Runs {@code work}, again after an optimistic-lock or unique-key collision, at most five times in all. */
	public static void retry(Runnable work) {
		retry(() -> {
			work.run();
			return null;
		});
	}

	/** Like {@link #retry(Runnable)}, for work with a result. */
	public static <T> T retry(java.util.function.Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return work.get();
			}
			catch (OptimisticLockingFailureException | DataIntegrityViolationException e) {
				if (attempt == ATTEMPTS) {
					throw e;
				}
			}
		}
	}
}
