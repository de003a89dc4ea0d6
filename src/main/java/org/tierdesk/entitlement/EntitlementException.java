package org.tierdesk.entitlement;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * An exception to the rules, granted by someone with a reason: a VIP override for a customer, or a waiver for one
 * ticket. It entitles at its service level until it expires.
 */
@Entity
@Table(name = "entitlement_exception")
class EntitlementException {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entitlement_seq")
	@SequenceGenerator(name = "entitlement_seq", sequenceName = "entitlement_seq", allocationSize = 50)
	private Long id;

	private long programId;

	private String kind;

	private Long requesterId;

	private Long ticketId;

	private String serviceLevel;

	private String reason;

	private long grantedBy;

	private Instant grantedAt;

	private LocalDate expiresOn;

	protected EntitlementException() {
	}

	EntitlementException(long programId, String kind, Long requesterId, Long ticketId, String serviceLevel,
			String reason, long grantedBy, Instant grantedAt, LocalDate expiresOn) {
		this.programId = programId;
		this.kind = kind;
		this.requesterId = requesterId;
		this.ticketId = ticketId;
		this.serviceLevel = serviceLevel;
		this.reason = reason;
		this.grantedBy = grantedBy;
		this.grantedAt = grantedAt;
		this.expiresOn = expiresOn;
	}

	boolean activeOn(LocalDate day) {
		return expiresOn == null || !day.isAfter(expiresOn);
	}

	Long id() {
		return id;
	}

	String kind() {
		return kind;
	}

	Long requesterId() {
		return requesterId;
	}

	Long ticketId() {
		return ticketId;
	}

	String serviceLevel() {
		return serviceLevel;
	}

	String reason() {
		return reason;
	}

	long grantedBy() {
		return grantedBy;
	}

	Instant grantedAt() {
		return grantedAt;
	}

	LocalDate expiresOn() {
		return expiresOn;
	}
}
