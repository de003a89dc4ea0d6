package org.tierdesk.sla;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A calendar, a service level policy or a group's operational target, as its administrators wrote it (JSON), checked
 * before it was saved. One table for the three, told apart by {@code type}.
 */
@Entity
@Table(name = "sla_definition")
class SlaDefinition {

	enum Type {
		CALENDAR, POLICY, GROUP_TARGET
	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_definition_seq")
	@SequenceGenerator(name = "sla_definition_seq", sequenceName = "sla_definition_seq", allocationSize = 50)
	private Long id;

	@Version
	private long version;

	private long programId;

	@Enumerated(EnumType.STRING)
	private Type type;

	private String name;

	private String nameKey;

	/** A policy's contract service level (null: the program's default policy); a group target's group id. */
	private String selector;

	private String document;

	private long updatedBy;

	private java.time.Instant updatedAt;

	protected SlaDefinition() {
	}

	SlaDefinition(long programId, Type type, String nameKey) {
		this.programId = programId;
		this.type = type;
		this.nameKey = nameKey;
	}

	boolean define(String name, String selector, String document, long by, java.time.Instant now) {
		boolean changed = !java.util.Objects.equals(this.document, document)
				|| !java.util.Objects.equals(this.selector, selector) || !java.util.Objects.equals(this.name, name);
		this.name = name;
		this.selector = selector;
		this.document = document;
		this.updatedBy = by;
		this.updatedAt = now;
		return changed;
	}

	Long id() {
		return id;
	}

	long programId() {
		return programId;
	}

	Type type() {
		return type;
	}

	String name() {
		return name;
	}

	String selector() {
		return selector;
	}

	String document() {
		return document;
	}

	long updatedBy() {
		return updatedBy;
	}

	java.time.Instant updatedAt() {
		return updatedAt;
	}
}
