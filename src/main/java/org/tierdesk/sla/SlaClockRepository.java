package org.tierdesk.sla;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SlaClockRepository extends JpaRepository<SlaClock, Long> {

	List<SlaClock> findByTicketIdOrderByIdAsc(long ticketId);

	/** The ticket's clocks, locked until the transaction ends: derivations of one ticket take turns. */
	@org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
	@org.springframework.data.jpa.repository.Query("select c from SlaClock c where c.ticketId = :ticketId order by c.id")
	List<SlaClock> lockByTicketId(long ticketId);

	/** Running clocks of the programs past their warning point (or breached), the nearest due first. */
	@org.springframework.data.jpa.repository.Query("""
			select c from SlaClock c where c.programId in :programs and c.stoppedAt is null
			and c.state in (org.tierdesk.sla.ClockState.RUNNING, org.tierdesk.sla.ClockState.WARNING,
			org.tierdesk.sla.ClockState.BREACHED) and c.warnAt <= :now order by c.dueAt""")
	List<SlaClock> atRisk(java.util.Collection<Long> programs, java.time.Instant now,
			org.springframework.data.domain.Pageable page);

	@org.springframework.data.jpa.repository.Query("""
			select distinct c.ticketId from SlaClock c where c.programId in :programs and c.stoppedAt is null
			and c.state in (org.tierdesk.sla.ClockState.RUNNING, org.tierdesk.sla.ClockState.WARNING,
			org.tierdesk.sla.ClockState.BREACHED) and c.warnAt <= :now""")
	List<Long> ticketsAtRisk(java.util.Collection<Long> programs, java.time.Instant now,
			org.springframework.data.domain.Limit limit);
}
