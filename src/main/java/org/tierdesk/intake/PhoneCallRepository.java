package org.tierdesk.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PhoneCallRepository extends JpaRepository<PhoneCall, Long> {

	Optional<PhoneCall> findByProgramIdAndExternalId(long programId, String externalId);

	/** Calls that started recently and ring at an agent: the screen pops to relay. */
	@Query("select c from PhoneCall c where c.startedAt >= :since and c.agentId is not null and c.endedAt is null "
			+ "order by c.id")
	List<PhoneCall> ringingSince(Instant since);
}
