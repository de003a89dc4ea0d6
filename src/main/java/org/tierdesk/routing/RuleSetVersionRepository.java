package org.tierdesk.routing;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RuleSetVersionRepository extends JpaRepository<RuleSetVersion, Long> {

	Optional<RuleSetVersion> findFirstByProgramIdOrderByVersionDesc(long programId);

	Optional<RuleSetVersion> findByProgramIdAndVersion(long programId, long version);

	List<RuleSetVersion> findByProgramIdOrderByVersionDesc(long programId);
}
