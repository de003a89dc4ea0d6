package org.tierdesk.ticket;

import java.time.Instant;

import jakarta.persistence.Embeddable;

/**
 * The structured facts taken at registration: when and where the problem occurred, under which circumstances it
 * does or does not appear, the affected system and version, and what the requester is entitled by — the serial
 * number of the asset and the contract number. All optional.
 */
@Embeddable
public record StructuredFacts(Instant occurredAt, String location, String circumstances, String affectedSystem,
		String affectedVersion, String serialNumber, String contractNumber) {

	public StructuredFacts(Instant occurredAt, String location, String circumstances, String affectedSystem,
			String affectedVersion) {
		this(occurredAt, location, circumstances, affectedSystem, affectedVersion, null, null);
	}

	public static StructuredFacts none() {
		return new StructuredFacts(null, null, null, null, null, null, null);
	}
}
