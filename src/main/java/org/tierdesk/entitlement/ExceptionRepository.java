package org.tierdesk.entitlement;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ExceptionRepository extends JpaRepository<EntitlementException, Long> {

	List<EntitlementException> findByProgramIdOrderByGrantedAtDesc(long programId);

	List<EntitlementException> findByProgramIdAndRequesterId(long programId, long requesterId);

	List<EntitlementException> findByTicketId(long ticketId);
}
