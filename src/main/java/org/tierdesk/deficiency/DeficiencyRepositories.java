package org.tierdesk.deficiency;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DeficiencyReportRepository extends JpaRepository<DeficiencyReport, Long> {

	Optional<DeficiencyReport> findByNumber(String number);

	List<DeficiencyReport> findByProgramIdOrderByRaisedAtDescIdDesc(long programId, Limit limit);

	List<DeficiencyReport> findByProgramIdAndStatusOrderByRaisedAtDescIdDesc(long programId,
			DeficiencyStatus status, Limit limit);

	List<DeficiencyReport> findByIdIn(Collection<Long> ids);

	List<DeficiencyReport> findByProgramIdAndLessonAtGreaterThanEqualAndLessonAtLessThanOrderByLessonAt(long programId,
			Instant from, Instant to);

	List<DeficiencyReport> findByProgramIdAndFixShippedOnGreaterThanEqualOrderByFixShippedOn(long programId,
			java.time.LocalDate from);

	@Query("select r from DeficiencyReport r where r.programId = :programId "
			+ "and r.status not in (org.tierdesk.deficiency.DeficiencyStatus.CLOSED, "
			+ "org.tierdesk.deficiency.DeficiencyStatus.REJECTED, org.tierdesk.deficiency.DeficiencyStatus.DUPLICATE) "
			+ "and r.fixShippedOn is null order by r.severity, r.raisedAt")
	List<DeficiencyReport> findOpenKnownErrors(long programId);
}

interface DeficiencyLinkRepository extends JpaRepository<DeficiencyLink, Long> {

	List<DeficiencyLink> findByReportIdOrderByLinkedAt(long reportId);

	List<DeficiencyLink> findByTicketId(long ticketId);

	boolean existsByReportIdAndTicketId(long reportId, long ticketId);

	/** Claims a link's notice: 1 for the one caller that gets to send it, 0 for everyone after. */
	@Modifying(flushAutomatically = true, clearAutomatically = false)
	@Query("update DeficiencyLink l set l.notifiedAt = :now where l.id = :id and l.notifiedAt is null")
	int claimNotice(long id, Instant now);
}

interface DeficiencyHistoryRepository extends JpaRepository<DeficiencyHistory, Long> {

	@Query("select h from DeficiencyHistory h where h.reportId = :reportId order by h.occurredAt, h.id")
	List<DeficiencyHistory> of(long reportId);
}
