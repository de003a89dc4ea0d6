package org.tierdesk.directory;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface DirectoryChangeRepository extends JpaRepository<DirectoryChange, Long> {

	List<DirectoryChange> findByProgramIdOrderByOccurredAtDescIdDesc(long programId, Limit limit);
}
