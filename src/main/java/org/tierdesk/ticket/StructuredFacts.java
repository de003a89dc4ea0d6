package org.tierdesk.ticket;

import java.time.Instant;

import jakarta.persistence.Embeddable;

/**
 * The structured facts taken at registration: when and where the problem occurred, under which circumstances it
 * does or does not appear, and the affected system and version. All optional.
 */
@Embeddable
public record StructuredFacts(Instant occurredAt, String location, String circumstances, String affectedSystem,
		String affectedVersion) {

	public static StructuredFacts none() {
		return new StructuredFacts(null, null, null, null, null);
	}
}
