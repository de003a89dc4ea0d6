package org.tierdesk.deficiency;

/** How badly the fault hurts: {@code CRITICAL} stops the mission, {@code LOW} is cosmetic. */
public enum Severity {
	CRITICAL, HIGH, MEDIUM, LOW
}
