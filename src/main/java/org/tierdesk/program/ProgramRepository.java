package org.tierdesk.program;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProgramRepository extends JpaRepository<Program, Long> {

	@EntityGraph(attributePaths = "tiers")
	List<Program> findAllByOrderByKey();
}
