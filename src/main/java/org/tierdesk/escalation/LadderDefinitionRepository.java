package org.tierdesk.escalation;

import org.springframework.data.jpa.repository.JpaRepository;

interface LadderDefinitionRepository extends JpaRepository<LadderDefinition, Long> {
}
