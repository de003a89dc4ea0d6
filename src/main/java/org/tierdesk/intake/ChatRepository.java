package org.tierdesk.intake;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChatRepository extends JpaRepository<Chat, Long> {

	@Query("select c from Chat c where c.programId = :programId and c.status = 'WAITING' order by c.startedAt, c.id")
	List<Chat> waiting(long programId);

	@Query("select c from Chat c where c.status = 'WAITING' order by c.programId, c.startedAt, c.id")
	List<Chat> allWaiting();
}
