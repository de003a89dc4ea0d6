package org.tierdesk.onboarding;

/** The follow-on points settled with a program before the desk activates it (seed 000's partner services). */
public enum ChecklistItem {
	/** An understanding of the after-hours emergency coverage the program needs. */
	AFTER_HOURS_COVERAGE,
	/** Access to additional software the desk needs to support the program. */
	ADDITIONAL_SOFTWARE,
	/** The program's reporting requirements. */
	REPORTING_REQUIREMENTS,
	/** Training the desk's agents need. */
	TRAINING,
	/** The service level agreement. */
	SERVICE_LEVEL_AGREEMENT
}
