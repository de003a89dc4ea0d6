package org.tierdesk.ticket;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Remembers which ticket a client's {@code Idempotency-Key} created, so a retried create returns it again. */
@Entity
@Table(name = "ticket_idempotency")
class IdempotencyRecord {

	@Embeddable
	record Key(long accountId, String idempotencyKey) implements Serializable {
	}

	@EmbeddedId
	private Key key;

	private String requestHash;

	private long ticketId;

	private Instant createdAt;

	protected IdempotencyRecord() {
	}

	IdempotencyRecord(Key key, String requestHash, long ticketId, Instant createdAt) {
		this.key = key;
		this.requestHash = requestHash;
		this.ticketId = ticketId;
		this.createdAt = createdAt;
	}

	String requestHash() {
		return requestHash;
	}

	long ticketId() {
		return ticketId;
	}
}
