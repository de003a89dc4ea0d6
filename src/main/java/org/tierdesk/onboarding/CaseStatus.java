package org.tierdesk.onboarding;

/** Where an onboarding case stands. */
public enum CaseStatus {
	REQUESTED, ANSWERED, PROGRAM_OPENED, ACTIVATED, DECLINED
}
