package org.tierdesk.system;

/** The caller can see the resource but their role does not allow this action on it (HTTP 403). */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}
}
