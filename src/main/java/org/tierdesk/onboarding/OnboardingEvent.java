package org.tierdesk.onboarding;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** The audit trail of an onboarding case: who did what, when. */
@Entity
@Table(name = "onboarding_event")
class OnboardingEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "onboarding_event_seq")
	@SequenceGenerator(name = "onboarding_event_seq", sequenceName = "onboarding_event_seq", allocationSize = 50)
	private Long id;

	private long caseId;

	private String action;

	private String detail;

	private Long actorId;

	private Instant occurredAt;

	protected OnboardingEvent() {
	}

	OnboardingEvent(long caseId, String action, String detail, Long actorId, Instant occurredAt) {
		this.caseId = caseId;
		this.action = action;
		this.detail = detail;
		this.actorId = actorId;
		this.occurredAt = occurredAt;
	}

	String action() {
		return action;
	}

	String detail() {
		return detail;
	}

	Long actorId() {
		return actorId;
	}

	Instant occurredAt() {
		return occurredAt;
	}
}
