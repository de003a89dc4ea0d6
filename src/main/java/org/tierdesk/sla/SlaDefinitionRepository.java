package org.tierdesk.sla;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SlaDefinitionRepository extends JpaRepository<SlaDefinition, Long> {

	List<SlaDefinition> findByProgramIdAndTypeOrderByName(long programId, SlaDefinition.Type type);

	Optional<SlaDefinition> findByProgramIdAndTypeAndNameKey(long programId, SlaDefinition.Type type, String nameKey);
}
