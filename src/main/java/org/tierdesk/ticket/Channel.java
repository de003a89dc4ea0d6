package org.tierdesk.ticket;

/** How a request or an entry reached the desk. */
public enum Channel {
	PHONE, EMAIL, WEB, CHAT, SMS, MESSAGE, API
}
