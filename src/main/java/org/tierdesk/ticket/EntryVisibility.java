package org.tierdesk.ticket;

/** Who may read a conversation entry or an attachment. */
public enum EntryVisibility {
	/** A reply the customer sees. */
	PUBLIC,
	/** An internal note: desk staff only, and a vendor only when it is shared with the vendor's assignment. */
	INTERNAL
}
