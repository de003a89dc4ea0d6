package org.tierdesk.satisfaction;

import org.tierdesk.ticket.Channel;

/** How the survey reaches the requester: the ticket's own channel where it can carry a link, else the portal. */
public enum Offer {
	EMAIL, SMS, PORTAL;

	/** Requests made on the web (portal, chat) are asked there; text messages by text; everything else by email. */
	static Offer forChannel(Channel channel) {
		if (channel == Channel.WEB || channel == Channel.CHAT) {
			return PORTAL;
		}
		return channel == Channel.SMS ? SMS : EMAIL;
	}
}
