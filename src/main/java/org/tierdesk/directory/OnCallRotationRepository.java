package org.tierdesk.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface OnCallRotationRepository extends JpaRepository<OnCallRotation, Long> {

	List<OnCallRotation> findByProgramIdOrderByName(long programId);

	Optional<OnCallRotation> findByProgramIdAndNameKey(long programId, String nameKey);

	List<OnCallRotation> findByGroupId(long groupId);
}
