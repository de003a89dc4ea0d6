package org.tierdesk.identity;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A personal API token. The token itself is shown once at creation; only its SHA-256 is stored. */
@Entity
@Table(name = "identity_api_token")
class ApiToken {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "identity_api_token_seq")
	@SequenceGenerator(name = "identity_api_token_seq", sequenceName = "identity_api_token_seq", allocationSize = 50)
	private Long id;

	private long accountId;

	private String name;

	private String tokenHash;

	private Instant createdAt;

	private Instant expiresAt;

	private Instant revokedAt;

	protected ApiToken() {
	}

	ApiToken(long accountId, String name, String tokenHash, Instant createdAt, Instant expiresAt) {
		this.accountId = accountId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	boolean validAt(Instant now) {
		return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
	}

	void revoke(Instant now) {
		if (revokedAt == null) {
			revokedAt = now;
		}
	}

	Long id() {
		return id;
	}

	long accountId() {
		return accountId;
	}

	String tokenHash() {
		return tokenHash;
	}

	String name() {
		return name;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant expiresAt() {
		return expiresAt;
	}

	Instant revokedAt() {
		return revokedAt;
	}
}
