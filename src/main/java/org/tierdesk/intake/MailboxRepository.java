package org.tierdesk.intake;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MailboxRepository extends JpaRepository<Mailbox, Long> {

	List<Mailbox> findByProgramIdOrderByName(long programId);

	@Query("select m.id from Mailbox m where m.enabled = true order by m.id")
	List<Long> enabledIds();

	/** Takes (or keeps) the lease when it is free, expired or already ours. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Mailbox m set m.leaseOwner = :owner, m.leaseUntil = :until, m.version = m.version + 1 "
			+ "where m.id = :id and m.enabled = true and (m.leaseOwner is null or m.leaseOwner = :owner or m.leaseUntil < :now)")
	int claim(long id, String owner, Instant until, Instant now);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Mailbox m set m.leaseOwner = null, m.leaseUntil = null, m.version = m.version + 1 "
			+ "where m.id = :id and m.leaseOwner = :owner")
	int release(long id, String owner);

	/** Moves the read mark (and the UIDVALIDITY it belongs to) — only while holding the lease. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Mailbox m set m.uidValidity = :uidValidity, m.lastDoneUid = :uid, m.version = m.version + 1 "
			+ "where m.id = :id and m.leaseOwner = :owner")
	int markDone(long id, String owner, long uidValidity, long uid);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Mailbox m set m.lastPolledAt = :at, m.lastError = :error, m.version = m.version + 1 "
			+ "where m.id = :id")
	int polled(long id, Instant at, String error);
}
