package org.tierdesk.escalation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface EscalationTimerRepository extends JpaRepository<EscalationTimer, Long> {

	List<EscalationTimer> findByTicketId(long ticketId);

	/** The ticket's timers, locked until the transaction ends: reconciliations of one ticket take turns. */
	@org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
	@org.springframework.data.jpa.repository.Query("select t from EscalationTimer t where t.ticketId = :ticketId")
	List<EscalationTimer> lockByTicketId(long ticketId);

	Optional<EscalationTimer> findByTicketIdAndStepAndOccurrence(long ticketId, String step, long occurrence);
}
