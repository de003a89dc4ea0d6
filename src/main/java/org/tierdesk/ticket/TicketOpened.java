package org.tierdesk.ticket;

import java.time.Instant;

/**
 * A ticket was opened; the Tier 1 owner group (if any) holds it until an agent takes it. {@code affectedSystem} is the
 * system the requester named and {@code affectedVersion} its version, if any (null in events recorded before they were
 * carried), so that a listener warning of known errors need not read the ticket again. {@code routed} and
 * {@code noted} say that routing ({@link IntakeRouting}) and the intake notes ({@link IntakeNote}) were done in the
 * transaction that opened it; false when one of them failed there (and in events recorded before they were done so),
 * for its module to do it after the commit. {@code followed}: the same for the {@link TicketFollower}s.
 */
public record TicketOpened(long ticketId, String number, long programId, TicketKind kind, Channel channel,
		long requesterId, Priority priority, Long ownerGroupId, Instant at, String affectedSystem,
		String affectedVersion, boolean routed, boolean noted, boolean followed) implements TicketEvent {

	/** This event, saying its ticket's followers were brought in step in the opening transaction. */
	TicketOpened asFollowed() {
		return new TicketOpened(ticketId, number, programId, kind, channel, requesterId, priority, ownerGroupId, at,
				affectedSystem, affectedVersion, routed, noted, true);
	}
}
