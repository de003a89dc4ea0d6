package org.tierdesk.system;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The event publication registry's table, written once per transaction: Spring Modulith inserts one row for every
 * listener of every event, each in a statement (and on PostgreSQL a round trip) of its own, while the event is
 * published. Here the rows a transaction publishes are kept until it commits and then written in one JDBC batch, in
 * the same transaction, so they are as durable as before and rolled back with it. Outside a transaction a publication
 * is written at once, as before; any other use of the registry in the transaction writes the waiting rows first, so
 * the registry never misses one of its own. An event published once the commit has begun (by another
 * synchronization's {@code beforeCommit}) is written then, still inside the transaction.
 */
final class BatchedPublications implements EventPublicationRepository {

	/** Modulith's own insert (JdbcEventPublicationRepositoryV2), for H2 and PostgreSQL, whose ids are UUIDs. */
	static final String INSERT = "INSERT INTO EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, "
			+ "SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

	private final EventPublicationRepository repository;

	private final ObjectProvider<JdbcTemplate> jdbc;

	private final ObjectProvider<EventSerializer> serializer;

	BatchedPublications(EventPublicationRepository repository, ObjectProvider<JdbcTemplate> jdbc,
			ObjectProvider<EventSerializer> serializer) {
		this.repository = repository;
		this.jdbc = jdbc;
		this.serializer = serializer;
	}

	@Override
	public TargetEventPublication create(TargetEventPublication publication) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			return repository.create(publication);
		}
		Pending pending = pending();
		if (pending != null && pending.committing) {
			return repository.create(publication); // published while the transaction commits: written at once
		}
		if (pending == null) {
			pending = new Pending();
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		pending.publications.add(publication);
		return publication;
	}

	/**
	 * The current transaction's waiting publications, if any. They are found among its synchronizations, which a
	 * transaction started inside it (REQUIRES_NEW) does not share: that one writes its own at its own commit.
	 */
	private Pending pending() {
		for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
			if (s instanceof Pending p && p.owner() == this) {
				return p;
			}
		}
		return null;
	}

	/** Writes what this transaction published so far (if anything) in one batch. */
	private void writePending() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		Pending pending = pending();
		if (pending != null) {
			pending.write();
		}
	}

	/** The publications one transaction is waiting to write. */
	private final class Pending implements TransactionSynchronization {

		private final List<TargetEventPublication> publications = new ArrayList<>();

		/** Set once the batch went out at the commit: what is published after that is written at once. */
		private boolean committing;

		BatchedPublications owner() {
			return BatchedPublications.this;
		}

		void write() {
			if (publications.isEmpty()) {
				return;
			}
			EventSerializer events = serializer.getObject();
			List<Object[]> rows = new ArrayList<>(publications.size());
			for (TargetEventPublication p : publications) {
				Timestamp at = Timestamp.from(p.getPublicationDate());
				rows.add(new Object[] { p.getIdentifier(), p.getEvent().getClass().getName(),
						p.getTargetIdentifier().getValue(), at, events.serialize(p.getEvent()).toString(),
						p.getStatus().name(), 1, at });
			}
			publications.clear();
			jdbc.getObject().batchUpdate(INSERT, rows);
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			write();
			committing = true;
		}

		/**
		 * Again just before the commit, for publications of a transaction whose first event was published by another
		 * synchronization's {@code beforeCommit} (registered too late for that round).
		 */
		@Override
		public void beforeCompletion() {
			write();
			committing = true;
		}

		@Override
		public void afterCompletion(int status) {
			publications.clear();
		}
	}

	@Override
	public void markProcessing(UUID identifier) {
		writePending();
		repository.markProcessing(identifier);
	}

	@Override
	public void markCompleted(TargetEventPublication publication, Instant completionDate) {
		writePending();
		repository.markCompleted(publication, completionDate);
	}

	@Override
	public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
		writePending();
		repository.markCompleted(event, identifier, completionDate);
	}

	@Override
	public void markCompleted(UUID identifier, Instant completionDate) {
		writePending();
		repository.markCompleted(identifier, completionDate);
	}

	@Override
	public void markFailed(UUID identifier) {
		writePending();
		repository.markFailed(identifier);
	}

	@Override
	public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
		writePending();
		return repository.markResubmitted(identifier, resubmissionDate);
	}

	@Override
	public List<TargetEventPublication> findIncompletePublications() {
		writePending();
		return repository.findIncompletePublications();
	}

	@Override
	public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
		writePending();
		return repository.findIncompletePublicationsPublishedBefore(instant);
	}

	@Override
	public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
			PublicationTargetIdentifier targetIdentifier) {
		writePending();
		return repository.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier);
	}

	@Override
	public List<TargetEventPublication> findCompletedPublications() {
		writePending();
		return repository.findCompletedPublications();
	}

	@Override
	public void deletePublications(List<UUID> identifiers) {
		writePending();
		repository.deletePublications(identifiers);
	}

	@Override
	public void deleteCompletedPublications() {
		writePending();
		repository.deleteCompletedPublications();
	}

	@Override
	public void deleteCompletedPublicationsBefore(Instant instant) {
		writePending();
		repository.deleteCompletedPublicationsBefore(instant);
	}

	@Override
	public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
		writePending();
		return repository.findFailedPublications(criteria);
	}

	@Override
	public List<TargetEventPublication> findByStatus(EventPublication.Status status) {
		writePending();
		return repository.findByStatus(status);
	}

	@Override
	public int countByStatus(EventPublication.Status status) {
		writePending();
		return repository.countByStatus(status);
	}
}
