package org.tierdesk.advisory;

/** {@code DRAFT → SUBMITTED → APPROVED → PUBLISHED → WITHDRAWN}; a revision sends it back to {@code DRAFT}. */
public enum AdvisoryStatus {
	DRAFT, SUBMITTED, APPROVED, PUBLISHED, WITHDRAWN
}
