package org.tierdesk.advisory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AdvisoryRepository extends JpaRepository<Advisory, Long> {

	Optional<Advisory> findByNumber(String number);

	List<Advisory> findByProgramIdOrderByCreatedAtDescIdDesc(long programId, Limit limit);

	List<Advisory> findByIdIn(Collection<Long> ids);
}

interface RecipientRepository extends JpaRepository<Recipient, Long> {

	Optional<Recipient> findByAdvisoryIdAndAccountId(long advisoryId, long accountId);

	List<Recipient> findByAdvisoryIdOrderById(long advisoryId);

	List<Recipient> findByAccountIdOrderByDeliveredAtDesc(long accountId, Limit limit);

	@Query("select r from Recipient r where r.nextReminderAt <= :now and r.acknowledgedAt is null order by r.nextReminderAt")
	List<Recipient> findDueReminders(Instant now, Limit limit);

	/** Claims a reminder: 1 for the one instance that sends it, 0 for everyone else. */
	@Modifying(flushAutomatically = true)
	@Query("update Recipient r set r.remindersSent = r.remindersSent + 1, r.nextReminderAt = :next "
			+ "where r.id = :id and r.remindersSent = :sent and r.acknowledgedAt is null")
	int claimReminder(long id, int sent, Instant next);
}

interface AdvisoryHistoryRepository extends JpaRepository<AdvisoryHistory, Long> {

	List<AdvisoryHistory> findByAdvisoryIdOrderByOccurredAtAscIdAsc(long advisoryId);
}
