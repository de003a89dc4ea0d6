package org.tierdesk.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tierdesk.ticket.AssignmentStatus;
import org.tierdesk.ticket.TicketTimeline.AssignmentSpan;

/**
 * How tickets move between tiers. A ticket's path starts at Tier 1 (its owner); each assignment is a step to its tier;
 * work handed back (returned or withdrawn) is a step back to Tier 1 before the next assignment, or at the end. The
 * flow over many tickets counts each step: "1→2" escalations, "2→3" hand-ons, "3→1" returns.
 */
public final class TierFlow {

	/** One step between two tiers and how many times tickets took it. */
	public record Step(int from, int to, long count) {
	}

	static final int MAX_PATH = 100;

	private TierFlow() {
	}

	/** The path of one ticket, e.g. {@code 1>2>1>2>1} (a return and a re-escalation). */
	static String path(List<AssignmentSpan> assignments) {
		List<AssignmentSpan> sorted = assignments.stream().sorted(Comparator.comparing(AssignmentSpan::from)).toList();
		StringBuilder path = new StringBuilder("1");
		int last = 1;
		AssignmentSpan previous = null;
		for (AssignmentSpan a : sorted) {
			if (previous != null && previous.until() != null && !previous.until().isAfter(a.from())
					&& previous.status() != AssignmentStatus.HANDED_ON && last != 1) {
				path.append(">1");
				last = 1;
			}
			if (a.tier() != last) {
				path.append('>').append(a.tier());
				last = a.tier();
			}
			previous = a;
		}
		if (previous != null && previous.until() != null && previous.status() != AssignmentStatus.HANDED_ON
				&& last != 1) {
			path.append(">1");
		}
		return path.length() <= MAX_PATH ? path.toString() : path.substring(0, path.lastIndexOf(">", MAX_PATH));
	}

	/** The steps of many paths, each path with the number of tickets that took it. */
	static List<Step> steps(Map<String, Long> paths) {
		Map<String, Long> counts = new TreeMap<>();
		paths.forEach((path, n) -> {
			if (path == null) {
				return;
			}
			String[] tiers = path.split(">");
			for (int i = 0; i + 1 < tiers.length; i++) {
				counts.merge(tiers[i] + ">" + tiers[i + 1], n, Long::sum);
			}
		});
		List<Step> out = new ArrayList<>();
		counts.forEach((k, n) -> {
			String[] t = k.split(">");
			out.add(new Step(Integer.parseInt(t[0]), Integer.parseInt(t[1]), n));
		});
		return out;
	}
}
