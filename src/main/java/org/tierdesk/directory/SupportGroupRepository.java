package org.tierdesk.directory;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SupportGroupRepository extends JpaRepository<SupportGroup, Long> {

	List<SupportGroup> findByProgramIdOrderByTierAscNameAsc(long programId);

	List<SupportGroup> findByProgramIdAndTierOrderByNameAsc(long programId, int tier);

	List<SupportGroup> findByIdIn(Collection<Long> ids);

	boolean existsByProgramIdAndName(long programId, String name);

	@Query("select g.id from SupportGroup g join g.members m where m = :accountId")
	Set<Long> groupIdsOf(long accountId);
}
