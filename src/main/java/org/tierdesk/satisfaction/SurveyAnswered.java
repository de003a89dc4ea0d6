package org.tierdesk.satisfaction;

import java.time.Instant;

/** A requester answered the satisfaction survey of a ticket. */
public record SurveyAnswered(long ticketId, long programId, int score, Instant at) {
}
