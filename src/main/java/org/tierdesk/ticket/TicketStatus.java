package org.tierdesk.ticket;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle: {@code NEW -> OPEN (taken by an owner) -> WAITING_ON_CUSTOMER | WAITING_ON_VENDOR -> RESOLVED ->
 * CLOSED}, plus {@code CANCELLED}. Only the transitions listed here are legal.
 */
public enum TicketStatus {
	NEW, OPEN, WAITING_ON_CUSTOMER, WAITING_ON_VENDOR, RESOLVED, CLOSED, CANCELLED;

	private static final Map<TicketStatus, Set<TicketStatus>> NEXT = Map.of(
			NEW, EnumSet.of(OPEN, CANCELLED),
			OPEN, EnumSet.of(WAITING_ON_CUSTOMER, WAITING_ON_VENDOR, RESOLVED, CANCELLED),
			WAITING_ON_CUSTOMER, EnumSet.of(OPEN, WAITING_ON_VENDOR, RESOLVED, CANCELLED),
			WAITING_ON_VENDOR, EnumSet.of(OPEN, WAITING_ON_CUSTOMER, RESOLVED, CANCELLED),
			RESOLVED, EnumSet.of(CLOSED, OPEN),
			CLOSED, EnumSet.noneOf(TicketStatus.class),
			CANCELLED, EnumSet.noneOf(TicketStatus.class));

	public boolean canMoveTo(TicketStatus next) {
		return NEXT.get(this).contains(next);
	}

	/** Work is still to be done: neither resolved nor ended. */
	public boolean isActive() {
		return this == NEW || this == OPEN || this == WAITING_ON_CUSTOMER || this == WAITING_ON_VENDOR;
	}

	public boolean isEnded() {
		return this == CLOSED || this == CANCELLED;
	}
}
