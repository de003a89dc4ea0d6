package org.tierdesk.intake;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface HeldMessageRepository extends JpaRepository<HeldMessage, Long> {

	List<HeldMessage> findByProgramIdAndDecisionIsNullOrderByReceivedAt(long programId);
}
