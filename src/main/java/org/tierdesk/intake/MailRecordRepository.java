package org.tierdesk.intake;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MailRecordRepository extends JpaRepository<MailRecord, Long> {

	@Query("select r.uid from MailRecord r where r.mailboxId = :mailboxId and r.uidValidity = :uidValidity "
			+ "and r.uid in :uids")
	List<Long> takenUids(long mailboxId, long uidValidity, java.util.Collection<Long> uids);

	@Query("select r from MailRecord r where r.mailboxId in :mailboxIds and r.outcome = :outcome order by r.id desc")
	List<MailRecord> findByOutcome(List<Long> mailboxIds, MailRecord.Outcome outcome, Pageable page);
}
