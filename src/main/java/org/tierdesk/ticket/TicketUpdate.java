package org.tierdesk.ticket;

/** Changes to a ticket's descriptive fields; null leaves a field as it is. */
public record TicketUpdate(String subject, String category, Impact impact, Urgency urgency, StructuredFacts facts) {
}
