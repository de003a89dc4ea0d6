package org.tierdesk.ticket;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may see and do what on a ticket. Desk staff see every ticket of their programs; a vendor sees only tickets
 * with an active assignment to its group, and only the notes shared with its assignments; a customer sees their own
 * tickets (or their organization's, where the program allows) and only public entries.
 */
final class TicketAccess {

	private TicketAccess() {
	}

	static boolean canSee(Ticket t, Caller c, boolean organizationVisibility) {
		if (c.staffOf(t.programId())) {
			return true;
		}
		if (c.isVendor() && (vendorOn(t, c) || inSwarm(t, c))) {
			return true;
		}
		return c.isCustomer() && c.principal().actsIn(t.programId()) && (t.requesterId() == c.id()
				|| (organizationVisibility && c.organization() != null
						&& Objects.equals(c.organization(), t.requesterOrganization())));
	}

	/** The caller's group holds the ticket's active assignment. */
	static boolean vendorOn(Ticket t, Caller c) {
		return t.activeAssignment().map(a -> c.inGroup(a.groupId())).orElse(false);
	}

	static boolean canSeeEntry(TicketEntry e, Ticket t, Caller c) {
		return canRead(e.visibility(), e.assignmentId(), t, c);
	}

	/** Who reads an entry or attachment of this visibility, shared (or not) with an assignment. */
	static boolean canRead(EntryVisibility visibility, Long assignmentId, Ticket t, Caller c) {
		if (c.staffOf(t.programId())) {
			return true;
		}
		if (c.isVendor() && inSwarm(t, c)) {
			// a vendor invited to the swarm works on the whole internal thread
			return visibility == EntryVisibility.INTERNAL;
		}
		if (c.isVendor() && vendorOn(t, c)) {
			return visibility == EntryVisibility.INTERNAL && assignmentId != null
					&& assignmentsOfCaller(t, c).contains(assignmentId);
		}
		return visibility == EntryVisibility.PUBLIC;
	}

	/** The caller was invited to swarm on the ticket. */
	static boolean inSwarm(Ticket t, Caller c) {
		return t.swarmMembers().contains(c.id());
	}

	/** Tier 1 (or a manager) talks to the customer: the single point of contact. */
	static boolean speaksForDesk(Ticket t, Caller c) {
		return c.manages(t.programId()) || (c.staffOf(t.programId()) && c.inTierOf(t.programId(), Ticket.OWNER_TIER));
	}

	static Set<Long> assignmentsOfCaller(Ticket t, Caller c) {
		return t.assignments().stream().filter(a -> c.inGroup(a.groupId())).map(Assignment::id)
				.collect(Collectors.toSet());
	}
}
