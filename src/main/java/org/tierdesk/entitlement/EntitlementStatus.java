package org.tierdesk.entitlement;

/** The outcome of an entitlement check. */
public enum EntitlementStatus {
	ENTITLED, EXPIRED, NOT_COVERED, OVER_LICENCE_LIMIT, UNKNOWN
}
