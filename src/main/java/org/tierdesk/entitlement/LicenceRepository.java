package org.tierdesk.entitlement;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface LicenceRepository extends JpaRepository<Licence, Long> {

	Optional<Licence> findByProgramIdAndOrganizationKeyAndProductKey(long programId, String organizationKey,
			String productKey);

	List<Licence> findByProgramIdOrderByOrganizationAscProductAsc(long programId);
}
