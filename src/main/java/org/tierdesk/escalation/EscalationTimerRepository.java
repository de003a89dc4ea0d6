package org.tierdesk.escalation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface EscalationTimerRepository extends JpaRepository<EscalationTimer, Long> {

	List<EscalationTimer> findByTicketId(long ticketId);

	Optional<EscalationTimer> findByTicketIdAndStepAndOccurrence(long ticketId, String step, long occurrence);
}
