package org.tierdesk.escalation;

import java.util.List;

/**
 * A program's escalation ladder as administrators write it (JSON). Each step has a trigger and an action.
 *
 * <p>Triggers: {@code UNTAKEN} (a new ticket nobody has taken for {@code minutes}), {@code TIME_IN_TIER} (work at
 * {@code tier} for {@code minutes} without coming back), {@code SLA_WARNING}, {@code SLA_BREACHED} (of {@code clock}
 * {@code FIRST_RESPONSE} or {@code RESOLUTION}, or any), {@code OLA_BREACHED} (of the group at {@code tier}, or any).
 * Timed triggers count business time over {@code calendar} (a calendar of the SLA module; none: calendar time).
 *
 * <p>Actions: {@code ESCALATE} (to {@code tier}, or {@code group}; after hours to the group's on-call person),
 * {@code RAISE_PRIORITY} (to {@code priority}), {@code FLAG} (hierarchical: to management), {@code NOTIFY}
 * ({@code people}: usernames, or {@code onCallOf}: a group — an internal note now, a message once notifications exist).
 */
public record Ladder(List<Step> steps) {

	public record Step(String name, Trigger trigger, Action action) {
	}

	public record Trigger(String type, Integer minutes, Integer tier, String clock, String calendar) {
	}

	public record Action(String type, Integer tier, String group, String priority, List<String> people,
			String onCallOf) {
	}

	/** What a program has until it writes its own: the seeds' rule. */
	static Ladder standard() {
		return new Ladder(List.of(new Step("Untaken in Tier 1 for 15 minutes: to Tier 2",
				new Trigger("UNTAKEN", 15, null, null, null), new Action("ESCALATE", 2, null, null, null, null))));
	}
}
