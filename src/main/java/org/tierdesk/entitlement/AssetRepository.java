package org.tierdesk.entitlement;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AssetRepository extends JpaRepository<Asset, Long> {

	Optional<Asset> findByProgramIdAndSerialKey(long programId, String serialKey);

	List<Asset> findByProgramIdOrderBySerialNumber(long programId);

	boolean existsByProgramId(long programId);
}
