package org.tierdesk.sla;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SlaClockRepository extends JpaRepository<SlaClock, Long> {

	List<SlaClock> findByTicketIdOrderByIdAsc(long ticketId);

	/** The ticket's clocks, locked until the transaction ends: derivations of one ticket take turns. */
	@org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
	@org.springframework.data.jpa.repository.Query("select c from SlaClock c where c.ticketId = :ticketId order by c.id")
	List<SlaClock> lockByTicketId(long ticketId);
}
