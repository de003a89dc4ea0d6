package org.tierdesk.system;

/** The thing asked for does not exist or is not visible to the caller; both answer 404 so existence never leaks. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}
}
