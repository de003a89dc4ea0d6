package org.tierdesk.entitlement;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ContractRepository extends JpaRepository<Contract, Long> {

	Optional<Contract> findByProgramIdAndNumberKey(long programId, String numberKey);

	List<Contract> findByProgramIdAndOrganizationKey(long programId, String organizationKey);

	List<Contract> findByProgramIdOrderByNumber(long programId);

	boolean existsByProgramId(long programId);
}
