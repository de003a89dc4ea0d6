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

	@Query("select t.programId, max(t.updatedAt) from Ticket t where t.updatedAt > :since group by t.programId")
	List<Object[]> changedSince(Instant since);

	List<Ticket> findByIdIn(Collection<Long> ids);

	@Query("select t.id from Ticket t where t.status = org.tierdesk.ticket.TicketStatus.RESOLVED "
			+ "and t.autoCloseAt <= :now order by t.autoCloseAt")
	List<Long> findUnansweredResolutions(Instant now, Limit limit);

	@Query("select t.id from Ticket t where t.programId = :programId and t.status not in "
			+ "(org.tierdesk.ticket.TicketStatus.CLOSED, org.tierdesk.ticket.TicketStatus.CANCELLED)")
	List<Long> findActiveIds(long programId);

	@Query("select t from Ticket t where t.programId = :programId order by t.createdAt desc, t.id desc")
	List<Ticket> findRecent(long programId, Limit limit);

	@Query("select t.ownerId, count(t) from Ticket t where t.ownerId in :people and t.status not in "
			+ "(org.tierdesk.ticket.TicketStatus.RESOLVED, org.tierdesk.ticket.TicketStatus.CLOSED, "
			+ "org.tierdesk.ticket.TicketStatus.CANCELLED) group by t.ownerId")
	List<Object[]> countOwnedOpen(Collection<Long> people);

	@Query("select a.assigneeId, count(a) from Assignment a where a.assigneeId in :people "
			+ "and a.status = org.tierdesk.ticket.AssignmentStatus.ACTIVE group by a.assigneeId")
	List<Object[]> countActiveAssignments(Collection<Long> people);

	@Query("select l from TicketLink l where l.targetId = :ticketId")
	List<TicketLink> findLinksTo(long ticketId);

	@org.springframework.data.jpa.repository.Query("select t.id from Ticket t where t.id > :after order by t.id")
	List<Long> findIdsAfter(@org.springframework.data.repository.query.Param("after") long after,
			org.springframework.data.domain.Limit limit);
}
