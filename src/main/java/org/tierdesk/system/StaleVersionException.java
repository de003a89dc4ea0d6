package org.tierdesk.system;

/** The client's {@code If-Match} names a version that is no longer current (HTTP 412). */
public class StaleVersionException extends RuntimeException {

	public StaleVersionException(String message) {
		super(message);
	}
}
