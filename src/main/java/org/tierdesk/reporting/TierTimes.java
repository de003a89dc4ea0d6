package org.tierdesk.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.tierdesk.sla.BusinessCalendar;
import org.tierdesk.ticket.TicketStatus;
import org.tierdesk.ticket.TicketTimeline;
import org.tierdesk.ticket.TicketTimeline.AssignmentSpan;
import org.tierdesk.ticket.TicketTimeline.StatusSpan;

/**
 * Where a resolved ticket's time went, in business time: how long each tier held the work, the time to the first
 * response and the time to the (final) resolution. The clock runs while the ticket is being worked — not while it
 * waits on the customer, nor between a resolution and its rejection — and the work belongs to the tier of the
 * assignment holding it, else to Tier 1, which owns the ticket. Two assignments at once each count their own time.
 */
record TierTimes(Map<Integer, Long> secondsByTier, Long firstResponseSeconds, Long resolutionSeconds) {

	private static final Set<TicketStatus> NOT_WORKED = Set.of(TicketStatus.WAITING_ON_CUSTOMER,
			TicketStatus.RESOLVED, TicketStatus.CLOSED, TicketStatus.CANCELLED);

	static final TierTimes NONE = new TierTimes(Map.of(), null, null);

	/** @param resolvedAt the final resolution (null: not resolved, nothing to measure but the first response) */
	static TierTimes of(TicketTimeline t, Instant resolvedAt, BusinessCalendar calendar) {
		Long firstResponse = t.firstDeskReplyAt() == null ? null
				: calendar.between(t.openedAt(), t.firstDeskReplyAt()).toSeconds();
		if (resolvedAt == null || resolvedAt.isBefore(t.openedAt())) {
			return new TierTimes(Map.of(), firstResponse, null);
		}
		TreeSet<Instant> cuts = new TreeSet<>();
		cuts.add(t.openedAt());
		cuts.add(resolvedAt);
		for (StatusSpan s : t.statuses()) {
			cuts.add(s.from());
		}
		for (AssignmentSpan a : t.assignments()) {
			cuts.add(a.from());
			if (a.until() != null) {
				cuts.add(a.until());
			}
		}
		Map<Integer, Long> byTier = new TreeMap<>();
		long resolution = 0;
		var points = new ArrayList<>(cuts.subSet(t.openedAt(), true, resolvedAt, true));
		for (int i = 0; i + 1 < points.size(); i++) {
			Instant from = points.get(i);
			Instant to = points.get(i + 1);
			if (NOT_WORKED.contains(statusAt(t, from))) {
				continue;
			}
			long seconds = calendar.between(from, to).toSeconds();
			if (seconds == 0) {
				continue;
			}
			resolution += seconds;
			boolean assigned = false;
			for (AssignmentSpan a : t.assignments()) {
				if (!a.from().isAfter(from) && (a.until() == null || a.until().isAfter(from))) {
					byTier.merge(a.tier(), seconds, Long::sum);
					assigned = true;
				}
			}
			if (!assigned) {
				byTier.merge(1, seconds, Long::sum);
			}
		}
		return new TierTimes(Map.copyOf(byTier), firstResponse, resolution);
	}

	private static TicketStatus statusAt(TicketTimeline t, Instant at) {
		TicketStatus status = TicketStatus.NEW;
		for (StatusSpan s : t.statuses()) {
			if (s.from().isAfter(at)) {
				break;
			}
			status = s.status();
		}
		return status;
	}

	Long tier(int tier) {
		return resolutionSeconds == null ? null : secondsByTier.get(tier);
	}
}
