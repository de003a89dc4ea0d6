package org.tierdesk.intake;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChatLineRepository extends JpaRepository<ChatLine, Long> {

	List<ChatLine> findByChatIdOrderById(long chatId);

	/** Lines said since an instant, in order: the relay's window (commits may land out of id order). */
	@Query("select l from ChatLine l where l.saidAt >= :since order by l.id")
	List<ChatLine> since(java.time.Instant since, Limit limit);
}
