package org.tierdesk.system;

/** A request field has a value that cannot be accepted (HTTP 400 naming the field). */
public class InvalidFieldException extends RuntimeException {

	private final String field;

	public InvalidFieldException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
