package org.tierdesk.intake;

import org.tierdesk.ticket.Channel;

/** Delivers one outgoing message on its channel. */
interface OutboundGateway {

	Channel channel();

	/**
	 * Sends the message.
	 *
	 * @throws PermanentFailure when trying again cannot help (the address does not exist)
	 * @throws Exception        when it may work later (server down, timeout)
	 */
	void send(Outbound message) throws Exception;

	/** A failure that no retry will cure. */
	class PermanentFailure extends Exception {

		PermanentFailure(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
