package org.tierdesk.onboarding;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface OnboardingEventRepository extends JpaRepository<OnboardingEvent, Long> {

	List<OnboardingEvent> findByCaseIdOrderByOccurredAtAscIdAsc(long caseId);
}
