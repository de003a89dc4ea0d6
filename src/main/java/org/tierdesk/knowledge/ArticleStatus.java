package org.tierdesk.knowledge;

/**
 * Where an article stands in its validation workflow: written, submitted to the cognizant authority, validated and
 * authorized by it, published, retired. Only a published article whose revision was validated is ever shown to a
 * customer or offered to Tier 1 as an answer.
 */
public enum ArticleStatus {
	DRAFT, SUBMITTED, VALIDATED, PUBLISHED, RETIRED
}
