package org.tierdesk.ticket;

/** How widely the problem affects the business. */
public enum Impact {
	HIGH, MEDIUM, LOW
}
