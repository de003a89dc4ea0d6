package org.tierdesk.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface TicketRepository extends JpaRepository<Ticket, Long>, JpaSpecificationExecutor<Ticket> {

	Optional<Ticket> findByNumber(String number);

	List<Ticket> findByIdIn(Collection<Long> ids);

	@Query("select t.id from Ticket t where t.status = org.tierdesk.ticket.TicketStatus.RESOLVED "
			+ "and t.autoCloseAt <= :now order by t.autoCloseAt")
	List<Long> findUnansweredResolutions(Instant now, Limit limit);

	@Query("select l from TicketLink l where l.targetId = :ticketId")
	List<TicketLink> findLinksTo(long ticketId);
}
