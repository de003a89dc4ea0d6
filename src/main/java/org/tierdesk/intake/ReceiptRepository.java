package org.tierdesk.intake;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReceiptRepository extends JpaRepository<Receipt, Long> {

	Optional<Receipt> findByProgramIdAndDedupeKey(long programId, String dedupeKey);

	/** The message ids of the mail received on a ticket, oldest first: what our replies refer to. */
	@Query("select r.messageId from Receipt r where r.ticketId = :ticketId and r.messageId is not null "
			+ "order by r.receivedAt, r.id")
	List<String> messageIdsOf(long ticketId);

	@Query("select r.channel from Receipt r where r.ticketId = :ticketId order by r.receivedAt desc, r.id desc "
			+ "fetch first 1 rows only")
	List<org.tierdesk.ticket.Channel> lastChannels(long ticketId);

	default Optional<org.tierdesk.ticket.Channel> lastChannelOf(long ticketId) {
		return lastChannels(ticketId).stream().findFirst();
	}
}
