package org.tierdesk.entitlement;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A program's policy for requests that are not entitled, and the message a refused requester reads. */
@Entity
@Table(name = "entitlement_settings")
class EntitlementSettings {

	@Id
	private Long programId;

	@Enumerated(EnumType.STRING)
	private NotEntitledPolicy notEntitled;

	private String refusalMessage;

	protected EntitlementSettings() {
	}

	EntitlementSettings(long programId) {
		this.programId = programId;
		this.notEntitled = NotEntitledPolicy.FLAG_FOR_REVIEW;
	}

	void define(NotEntitledPolicy policy, String message) {
		this.notEntitled = policy;
		this.refusalMessage = message;
	}

	NotEntitledPolicy notEntitled() {
		return notEntitled;
	}

	String refusalMessage() {
		return refusalMessage;
	}
}
