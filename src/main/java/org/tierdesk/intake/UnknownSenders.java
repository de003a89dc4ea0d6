package org.tierdesk.intake;

/** What a program does with a message from someone it does not know. */
public enum UnknownSenders {
	/** make them a customer of the program and open their request */
	CREATE_CUSTOMER,
	/** keep the message for a person at the desk to release or discard */
	HOLD
}
