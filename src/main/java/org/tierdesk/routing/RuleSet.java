package org.tierdesk.routing;

import java.util.List;
import java.util.Map;

/**
 * A program's routing rules as administrators write them (JSON). Rules are tried in order; the first whose
 * {@code when} conditions all hold and none of whose {@code unless} conditions hold decides. A ticket no rule takes
 * goes to {@code fallbackGroup}, a Tier 1 group (the program's first Tier 1 group when omitted).
 *
 * <p>Conditions map a field to one value or a list (any of them): {@code kind}, {@code channel}, {@code priority},
 * {@code category}, {@code system} (name or alias in the directory), {@code systemType}, {@code organization},
 * {@code site}, {@code keywords} (words or phrases in the subject or description), {@code custom.<name>} (a custom
 * field of the ticket). Actions: {@code ownerGroup} (a Tier 1
 * queue), {@code assignGroup} (a group at tier 2-4), {@code assignPerson} (a member of that group, or of a Tier 1 group
 * to make them owner), {@code vector} (the tier whose cognizant authority takes the work), {@code priority},
 * {@code category}, {@code watchers} (usernames), {@code swarm} (invite the system's cognizant authorities to swarm
 * instead of a tiered hand-off).
 */
public record RuleSet(String fallbackGroup, List<Rule> rules) {

	public record Rule(String name, Map<String, Object> when, Map<String, Object> unless, Map<String, Object> then) {
	}
}
