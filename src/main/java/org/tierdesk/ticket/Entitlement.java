package org.tierdesk.ticket;

import java.time.Instant;

/**
 * What the requester was found entitled to, as snapshotted onto the ticket: the outcome ({@code ENTITLED},
 * {@code EXPIRED}, {@code NOT_COVERED}, {@code OVER_LICENCE_LIMIT}, {@code UNKNOWN}), the service level and the contract
 * it comes from, why, whether it needs review, and when it was checked.
 */
public record Entitlement(String status, String serviceLevel, String contractNumber, String reason,
		boolean needsReview, Instant checkedAt) {
}
