package org.tierdesk.ticket;

import java.util.EnumMap;
import java.util.Map;

/**
 * Impact x urgency -> priority. Complete by construction: every impact has a priority for every urgency.
 */
public final class PriorityMatrix {

	private final Map<Impact, Map<Urgency, Priority>> cells;

	public PriorityMatrix(Map<Impact, Map<Urgency, Priority>> cells) {
		Map<Impact, Map<Urgency, Priority>> copy = new EnumMap<>(Impact.class);
		for (Impact impact : Impact.values()) {
			Map<Urgency, Priority> row = cells.get(impact);
			if (row == null) {
				throw new IllegalArgumentException("the priority matrix has no row for impact " + impact);
			}
			Map<Urgency, Priority> rowCopy = new EnumMap<>(Urgency.class);
			for (Urgency urgency : Urgency.values()) {
				Priority priority = row.get(urgency);
				if (priority == null) {
					throw new IllegalArgumentException(
							"the priority matrix has no priority for impact " + impact + " and urgency " + urgency);
				}
				rowCopy.put(urgency, priority);
			}
			copy.put(impact, rowCopy);
		}
		this.cells = copy;
	}

	/** The usual ITIL matrix: high/high is critical, low/low is planning, each step down in either lowers it. */
	public static PriorityMatrix standard() {
		return new PriorityMatrix(Map.of(
				Impact.HIGH, Map.of(Urgency.HIGH, Priority.CRITICAL, Urgency.MEDIUM, Priority.HIGH, Urgency.LOW,
						Priority.MEDIUM),
				Impact.MEDIUM, Map.of(Urgency.HIGH, Priority.HIGH, Urgency.MEDIUM, Priority.MEDIUM, Urgency.LOW,
						Priority.LOW),
				Impact.LOW, Map.of(Urgency.HIGH, Priority.MEDIUM, Urgency.MEDIUM, Priority.LOW, Urgency.LOW,
						Priority.PLANNING)));
	}

	/** Every cell, as an unmodifiable copy. */
	public Map<Impact, Map<Urgency, Priority>> cells() {
		Map<Impact, Map<Urgency, Priority>> copy = new EnumMap<>(Impact.class);
		cells.forEach((impact, row) -> copy.put(impact, java.util.Collections.unmodifiableMap(new EnumMap<>(row))));
		return java.util.Collections.unmodifiableMap(copy);
	}

	public Priority priorityOf(Impact impact, Urgency urgency) {
		return cells.get(impact).get(urgency);
	}
}
