package org.tierdesk.directory;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SupportGroupRepository extends JpaRepository<SupportGroup, Long> {

	@EntityGraph(attributePaths = "members")
	List<SupportGroup> findByProgramIdOrderByTierAscNameAsc(long programId);

	@Query("select g.id from SupportGroup g where g.programId = :programId and g.tier = :tier order by g.name")
	List<Long> findIdsByProgramIdAndTier(long programId, int tier, Limit limit);

	@EntityGraph(attributePaths = "members")
	List<SupportGroup> findByIdIn(Collection<Long> ids);

	/** The groups a person belongs to, members included, in one query. */
	@Query("select distinct g from SupportGroup g left join fetch g.members where :accountId member of g.members")
	List<SupportGroup> findWithMember(long accountId);

	boolean existsByProgramIdAndName(long programId, String name);
}
