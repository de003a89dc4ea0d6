package org.tierdesk.program;

import java.util.List;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProgramRepository extends JpaRepository<Program, Long> {

	@EntityGraph(attributePaths = "tiers")
	List<Program> findAllByOrderByKey();
}
