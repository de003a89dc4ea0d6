package org.tierdesk.intake;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OutboundRepository extends JpaRepository<Outbound, Long> {

	List<Outbound> findByTicketIdOrderById(long ticketId);

	Optional<Outbound> findByMessageId(String messageId);

	boolean existsBySourceKeyAndRecipient(String sourceKey, String recipient);

	/** Our mail about a ticket, oldest first: what replies refer to. */
	@Query("select o.messageId from Outbound o where o.ticketId = :ticketId and o.messageId is not null "
			+ "order by o.id")
	List<String> messageIdsOf(long ticketId);
}
