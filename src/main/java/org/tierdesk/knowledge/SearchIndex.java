package org.tierdesk.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;

import jakarta.persistence.EntityManagerFactory;

/**
 * Rebuilds the search index from the database (after restoring a backup, loading rows by SQL, or changing the
 * analysis): every article and ticket, in the background, with its progress to watch. With the embedded Lucene
 * backend each instance keeps its own index, so this rebuilds the index of the instance that runs it.
 */
@Service
public class SearchIndex {

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

	private final EntityManagerFactory entityManagerFactory;

	private final Clock clock;

	private final AtomicLong done = new AtomicLong();

	private final AtomicLong total = new AtomicLong();

	private volatile boolean running;

	private volatile Instant startedAt;

	private volatile Instant finishedAt;

	private volatile String error;

	SearchIndex(EntityManagerFactory entityManagerFactory, Clock clock) {
		this.entityManagerFactory = entityManagerFactory;
		this.clock = clock;
	}

	/** Where a rebuild stands: documents written of the total, and when it started and ended. */
	public record Progress(boolean running, long done, long total, Instant startedAt, Instant finishedAt, String error) {

		public int percent() {
			return total <= 0 ? (running ? 0 : 100) : (int) Math.min(100, done * 100 / total);
		}
	}

	public Progress progress(DeskPrincipal me) {
		requireAdmin(me);
		return progress();
	}

	/** Starts a rebuild unless one is running; answers at once with its progress. */
	public synchronized Progress rebuild(DeskPrincipal me) {
		requireAdmin(me);
		if (running) {
			return progress();
		}
		running = true;
		done.set(0);
		total.set(0);
		error = null;
		finishedAt = null;
		startedAt = clock.instant();
		Search.mapping(entityManagerFactory).scope(Object.class).massIndexer()
			.threadsToLoadObjects(2)
			// one segment per index at the end: searches then read one term dictionary, not dozens
			.mergeSegmentsOnFinish(true)
			.monitor(new MassIndexingMonitor() {
				@Override
				public void documentsAdded(long increment) {
					done.addAndGet(increment);
				}

				@Override
				public void documentsBuilt(long increment) {
				}

				@Override
				public void entitiesLoaded(long increment) {
				}

				@Override
				public void addToTotalCount(long increment) {
					total.addAndGet(increment);
				}

				@Override
				public void indexingCompleted() {
				}
			})
			.start()
			.whenComplete((ignored, failure) -> {
				if (failure != null) {
					error = failure.getMessage();
					log.warn("Rebuilding the search index failed", failure);
				}
				finishedAt = clock.instant();
				running = false;
				log.info("Search index rebuilt: {} documents", done.get());
			});
		return progress();
	}

	private Progress progress() {
		return new Progress(running, done.get(), total.get(), startedAt, finishedAt, error);
	}

	private static void requireAdmin(DeskPrincipal me) {
		if (!me.isAdmin()) {
			throw new ForbiddenException("only an administrator rebuilds the search index");
		}
	}
}
