package org.tierdesk.onboarding;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface OnboardingRepository extends JpaRepository<OnboardingCase, Long> {

	List<OnboardingCase> findAllByOrderByReceivedAtDesc();
}
