package org.tierdesk.intake;

/** A message the desk cannot take in as it is: set aside with the reason, the fetch goes on. */
class BadMail extends Exception {

	BadMail(String reason) {
		super(reason);
	}

	BadMail(String reason, Throwable cause) {
		super(reason, cause);
	}
}
