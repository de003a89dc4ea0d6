package org.tierdesk.system;

/** A business rule refuses the request in the resource's current state (HTTP 409). */
public class RuleViolationException extends RuntimeException {

	private final String field;

	public RuleViolationException(String message) {
		this(null, message);
	}

	public RuleViolationException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The request field at fault, or {@code null} when the state of the resource is. */
	public String field() {
		return field;
	}
}
