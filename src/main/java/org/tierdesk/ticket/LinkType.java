package org.tierdesk.ticket;

/** How one ticket relates to another. */
public enum LinkType {
	RELATED, DUPLICATE_OF, DUPLICATED_BY, PARENT_OF, CHILD_OF;

	/** The same link seen from the other ticket. */
	public LinkType inverse() {
		return switch (this) {
			case RELATED -> RELATED;
			case DUPLICATE_OF -> DUPLICATED_BY;
			case DUPLICATED_BY -> DUPLICATE_OF;
			case PARENT_OF -> CHILD_OF;
			case CHILD_OF -> PARENT_OF;
		};
	}
}
