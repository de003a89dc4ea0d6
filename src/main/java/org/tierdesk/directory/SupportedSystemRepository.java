package org.tierdesk.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SupportedSystemRepository extends JpaRepository<SupportedSystem, Long> {

	List<SupportedSystem> findByProgramIdOrderByName(long programId);

	Optional<SupportedSystem> findByProgramIdAndNameKey(long programId, String nameKey);

	@Query("select s from SupportedSystem s join s.aliases a where s.programId = :programId and a.aliasKey = :key")
	List<SupportedSystem> findByAlias(long programId, String key);
}
