package org.tierdesk.system;

/** A request body exceeds the configured limit (HTTP 413). */
public class RequestTooLargeException extends RuntimeException {

	public RequestTooLargeException(String message) {
		super(message);
	}
}
