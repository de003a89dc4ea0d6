package org.tierdesk.ticket;

import java.time.Instant;

/**
 * The facts of a ticket other modules decide on (routing, SLA, escalation): what it is, where it came from, who it
 * is for, and where it stands. A snapshot, not the aggregate.
 */
public record TicketFacts(long id, String number, long programId, TicketKind kind, Channel channel, String subject,
		String description, String category, Priority priority, String affectedSystem, String location,
		long requesterId, String requesterOrganization, TicketStatus status, int tier, Long ownerId,
		Long ownerGroupId, Long activeAssignmentId, Long activeGroupId, Long activeAssigneeId, Instant createdAt,
		java.util.Map<String, String> customFields, String serviceLevel, String serialNumber, String contractNumber,
		String affectedVersion) {

	static TicketFacts of(Ticket t) {
		var active = t.activeAssignment();
		StructuredFacts f = t.facts() == null ? StructuredFacts.none() : t.facts();
		return new TicketFacts(t.id(), t.number(), t.programId(), t.kind(), t.channel(), t.subject(), t.description(),
				t.category(), t.priority(), f.affectedSystem(), f.location(), t.requesterId(),
				t.requesterOrganization(), t.status(), t.tier(), t.ownerId(), t.ownerGroupId(),
				active.map(Assignment::id).orElse(null), active.map(Assignment::groupId).orElse(null),
				active.map(Assignment::assigneeId).orElse(null),
				t.createdAt(), t.customFields(), t.entitlement().map(Entitlement::serviceLevel).orElse(null),
				f.serialNumber(), f.contractNumber(), f.affectedVersion());
	}
}
