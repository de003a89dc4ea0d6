package org.tierdesk.program;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProgramRepository extends JpaRepository<Program, Long> {

	Optional<Program> findByKey(String key);

	List<Program> findByIdInOrderByKey(Collection<Long> ids);

	List<Program> findAllByOrderByKey();
}
