/**
 * The ticket: kind, lifecycle, conversation, Tier 1 ownership and the assignments of work to higher tiers,
 * links, attachments and an immutable history. Knows nothing of SLA, routing or notifications: those modules
 * listen to its events.
 */
package org.tierdesk.ticket;
