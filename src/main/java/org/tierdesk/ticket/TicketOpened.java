package org.tierdesk.ticket;

import java.time.Instant;

/**
 * A ticket was opened; the Tier 1 owner group (if any) holds it until an agent takes it. {@code affectedSystem} is the
 * system the requester named, if any (null in events recorded before it was carried).
 */
public record TicketOpened(long ticketId, String number, long programId, TicketKind kind, Channel channel,
		long requesterId, Priority priority, Long ownerGroupId, Instant at, String affectedSystem) implements TicketEvent {
}
