package org.tierdesk.ticket;

/** How soon the business needs it solved. */
public enum Urgency {
	HIGH, MEDIUM, LOW
}
