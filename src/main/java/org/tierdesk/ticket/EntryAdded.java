package org.tierdesk.ticket;

import java.time.Instant;

/** A reply or note was added to the conversation. */
public record EntryAdded(long ticketId, long programId, long entryId, EntryVisibility visibility, Channel channel, long authorId, Instant at) implements TicketEvent {
}
