package org.tierdesk.directory;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProgramCoverageRepository extends JpaRepository<ProgramCoverage, Long> {
}
