package org.tierdesk.program;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.tierdesk.system.InvalidFieldException;

/**
 * Which of tiers 0-4 a program uses and what it calls them. Organizations merge tiers or use only three;
 * Tier 1 is always there, because Tier 1 owns every ticket.
 *
 * @param names tier number to display name
 */
public record TierSetup(SortedMap<Integer, String> names) {

	public TierSetup {
		names = new TreeMap<>(names);
		for (Map.Entry<Integer, String> tier : names.entrySet()) {
			if (tier.getKey() < 0 || tier.getKey() > 4) {
				throw new InvalidFieldException("tiers", "tiers are numbered 0 to 4, not " + tier.getKey());
			}
			if (tier.getValue() == null || tier.getValue().isBlank()) {
				throw new InvalidFieldException("tiers", "tier " + tier.getKey() + " needs a name");
			}
		}
		if (!names.containsKey(1)) {
			throw new InvalidFieldException("tiers", "tier 1 is required: Tier 1 owns every ticket");
		}
	}

	/** All five tiers with their usual names. */
	public static TierSetup allTiers() {
		return new TierSetup(new TreeMap<>(Map.of(0, "Self-service", 1, "Service desk", 2, "Specialist support", 3,
				"Engineering", 4, "Vendor")));
	}

	public boolean uses(int tier) {
		return names.containsKey(tier);
	}

	public String nameOf(int tier) {
		return names.getOrDefault(tier, "Tier " + tier);
	}
}
