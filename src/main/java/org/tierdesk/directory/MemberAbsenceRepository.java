package org.tierdesk.directory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MemberAbsenceRepository extends JpaRepository<MemberAbsence, Long> {

	@Query("select a.accountId from MemberAbsence a where a.accountId in :people and a.fromAt <= :at and a.untilAt > :at")
	List<Long> awayAt(Collection<Long> people, Instant at);

	@Query("select a from MemberAbsence a where a.programId = :programId and a.untilAt > :after order by a.fromAt")
	List<MemberAbsence> currentAndComing(long programId, Instant after);
}
