package org.tierdesk.knowledge;

/** Who an article is for. */
public enum Audience {
	/** Customers (Tier 0 self-service) and the whole desk. */
	PUBLIC,
	/** The desk: Tier 1 and up. */
	AGENTS,
	/** Specialists only: a tier and up (the article's internal tier). */
	INTERNAL
}
